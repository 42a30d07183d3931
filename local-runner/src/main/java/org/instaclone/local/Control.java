package org.instaclone.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The runner's control channel: a Unix domain socket {@code <data>/runner.sock} (only the owner of the
 * data folder can reach it) on which a running runner takes one command per connection
 * ({@code restart upload-service}) and streams what it does back; the same jar is the client
 * ({@code java -jar local-runner.jar restart upload-service}). The last line of every answer is
 * {@link #OK} or starts with {@link #FAILED}.
 */
final class Control implements AutoCloseable {

	static final String OK = "OK";

	static final String FAILED = "FAILED";

	/** Unix socket paths are limited to ~107 bytes; a longer data folder gets no control channel. */
	private static final int MAX_SOCKET_PATH = 100;

	private final ServerSocketChannel server;

	private final Path socket;

	private Control(ServerSocketChannel server, Path socket) {
		this.server = server;
		this.socket = socket;
	}

	static Path socketIn(Path dataDir) {
		return dataDir.resolve("runner.sock");
	}

	/**
	 * Listens on {@code <data>/runner.sock} and runs each command on a daemon thread, one at a time;
	 * {@code null} (with the reason printed) when the socket cannot be made.
	 */
	static @Nullable Control listen(Path dataDir, PrintStream out, BiConsumer<List<String>, PrintStream> commands) {
		Path socket = socketIn(dataDir);
		if (socket.toString().length() > MAX_SOCKET_PATH) {
			out.println("  (no control commands: the data folder's path is too long for a socket; use a shorter --data-dir)");
			return null;
		}
		try {
			// the runner holds the data folder's lock, so a socket file left here is a previous run's
			Files.deleteIfExists(socket);
			ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
			server.bind(UnixDomainSocketAddress.of(socket));
			Control control = new Control(server, socket);
			Thread thread = new Thread(() -> control.serve(commands), "instaclone-control");
			thread.setDaemon(true);
			thread.start();
			return control;
		}
		catch (IOException | UnsupportedOperationException ex) {
			out.println("  (no control commands: " + ex.getMessage() + ")");
			return null;
		}
	}

	private void serve(BiConsumer<List<String>, PrintStream> commands) {
		while (this.server.isOpen()) {
			try (SocketChannel client = this.server.accept()) {
				BufferedReader in = new BufferedReader(
						new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
				PrintStream answer = new PrintStream(Channels.newOutputStream(client), true, StandardCharsets.UTF_8);
				String line = in.readLine();
				if (line != null && !line.isBlank()) {
					commands.accept(List.of(line.trim().split("\\s+")), answer);
				}
			}
			catch (IOException | UncheckedIOException ex) {
				// the client went away (or the runner is stopping): nothing to answer
			}
		}
	}

	/**
	 * The client side: sends the command to the runner using {@code dataDir}, copies its answer to
	 * {@code out} and returns 0 when it ended with {@link #OK}, 1 otherwise (2: no runner there).
	 */
	static int send(Path dataDir, List<String> command, PrintStream out) {
		Path socket = socketIn(dataDir);
		if (!Files.exists(socket)) {
			out.println("No local runner is running with the data folder " + dataDir
					+ " (start it first, or pass the same --data-dir as the runner)");
			return 2;
		}
		try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
			PrintStream request = new PrintStream(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
			request.println(String.join(" ", command));
			BufferedReader answer = new BufferedReader(
					new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
			String last = FAILED + ": the runner closed the connection without an answer";
			for (String line = answer.readLine(); line != null; line = answer.readLine()) {
				out.println(line);
				last = line;
			}
			return last.equals(OK) ? 0 : 1;
		}
		catch (IOException ex) {
			out.println("Could not reach the local runner at " + socket + ": " + ex.getMessage());
			return 2;
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
			Files.deleteIfExists(this.socket);
		}
		catch (IOException ex) {
			// stopping anyway
		}
	}
}
