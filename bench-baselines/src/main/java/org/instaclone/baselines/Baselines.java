package org.instaclone.baselines;

import java.util.Arrays;

/**
 * {@code java -jar bench-baselines.jar minimal-server [--port=18090]} or
 * {@code java -jar bench-baselines.jar bare-proxy --upstream=http://127.0.0.1:18090 [--port=18091]}.
 */
public final class Baselines {

	private Baselines() {
	}

	public static void main(String[] args) {
		String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
		switch (args.length == 0 ? "" : args[0]) {
			case "minimal-server" -> MinimalServer.main(rest);
			case "bare-proxy" -> BareProxy.main(rest);
			default -> {
				System.err.println("usage: java -jar bench-baselines.jar minimal-server [--host=127.0.0.1] [--port=18090]\n"
						+ "       java -jar bench-baselines.jar bare-proxy --upstream=http://127.0.0.1:18090 [--port=18091] [--max-connections=500]");
				System.exit(2);
			}
		}
	}
}
