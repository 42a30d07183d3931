package org.instaclone.integrations.app;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Apps and the ownership check every app-scoped resource (endpoints, deliveries) goes through. */
@Service
@Transactional(readOnly = true)
public class Apps {

	private final AppRepository apps;

	private final Clock clock = Clock.systemUTC();

	Apps(AppRepository apps) {
		this.apps = apps;
	}

	/** @throws AppNotFoundException unless the app exists and belongs to {@code owner} */
	public void requireOwned(UUID owner, UUID appId) {
		if (!apps.existsByIdAndOwnerId(appId, owner)) {
			throw new AppNotFoundException(appId);
		}
	}

	@Transactional
	AppView register(UUID owner, AppRequests.NewApp request) {
		return apps.save(App.register(owner, request, clock.instant())).view();
	}

	AppView find(UUID owner, UUID id) {
		return apps.findByIdAndOwnerId(id, owner).map(App::view).orElseThrow(() -> new AppNotFoundException(id));
	}

	Page<AppView> list(UUID owner, @Nullable String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		Limit fetch = Limit.of(limit + 1);
		List<App> rows = after == null ? apps.findByOwnerIdOrderByCreatedAtDescIdDesc(owner, fetch)
				: apps.findByOwnerAfter(owner, after.at(), after.id(), fetch);
		Page<App> page = Page.of(rows, limit, App::cursor);
		return new Page<>(page.items().stream().map(App::view).toList(), page.nextCursor());
	}

	/** Deletes the app; its endpoints and deliveries go with it (foreign keys cascade). */
	@Transactional
	void delete(UUID owner, UUID id) {
		apps.delete(apps.findByIdAndOwnerId(id, owner).orElseThrow(() -> new AppNotFoundException(id)));
	}
}
