package org.instaclone.loadtests.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An account the seeding created, as written to the users file ({@code graph,node,handle,id} per
 * line) that the simulations read to sign in.
 *
 * @param graph the graph it belongs to ({@code reed}, {@code pl})
 * @param node its number in that graph
 * @param handle its handle
 * @param id its account id (the {@code author} of its posts)
 */
public record SeededUser(String graph, int node, String handle, String id) {

	/** Every seeded account's password (local test accounts only). */
	public static final String PASSWORD = "instaclone load test";

	private static final String HEADER = "graph,node,handle,id";

	public static void write(Path file, List<SeededUser> users) throws IOException {
		List<String> lines = new ArrayList<>(users.size() + 1);
		lines.add(HEADER);
		for (SeededUser user : users) {
			lines.add(user.graph() + "," + user.node() + "," + user.handle() + "," + user.id());
		}
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	public static List<SeededUser> read(Path file) throws IOException {
		List<SeededUser> users = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.equals(HEADER)) {
				continue;
			}
			String[] columns = line.split(",");
			users.add(new SeededUser(columns[0], Integer.parseInt(columns[1]), columns[2], columns[3]));
		}
		return users;
	}
}
