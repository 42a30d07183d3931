package org.instaclone.baselines;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} command-line options. */
record Options(Map<String, String> values) {

	static Options parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
				throw new IllegalArgumentException("expected --name=value, got " + arg);
			}
			values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return new Options(values);
	}

	String get(String name, String otherwise) {
		return values.getOrDefault(name, otherwise);
	}
}
