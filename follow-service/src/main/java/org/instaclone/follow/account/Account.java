package org.instaclone.follow.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person on Instaclone. Never leaves the service: the API speaks records. */
@Entity
@Table(name = "account")
public class Account {

	@Id
	private UUID id;

	private String handle;

	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "display_name")
	private String displayName;

	private String bio;

	@Column(name = "followers_count")
	private long followersCount;

	@Column(name = "following_count")
	private long followingCount;

	private String roles;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	protected Account() {
	}

	Account(String handle, String email, String passwordHash) {
		this.id = UUID.randomUUID();
		this.handle = handle;
		this.email = email;
		this.passwordHash = passwordHash;
		this.displayName = handle;
		this.bio = "";
		this.roles = "user";
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
	}

	void rename(String displayName) {
		this.displayName = displayName;
		this.updatedAt = Instant.now();
	}

	void describe(String bio) {
		this.bio = bio;
		this.updatedAt = Instant.now();
	}

	void rehashPassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public UUID getId() {
		return id;
	}

	public String getHandle() {
		return handle;
	}

	String getEmail() {
		return email;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public String getDisplayName() {
		return displayName;
	}

	String getBio() {
		return bio;
	}

	long getFollowersCount() {
		return followersCount;
	}

	long getFollowingCount() {
		return followingCount;
	}

	List<String> getRoles() {
		return Arrays.asList(roles.split(","));
	}

	Instant getCreatedAt() {
		return createdAt;
	}
}
