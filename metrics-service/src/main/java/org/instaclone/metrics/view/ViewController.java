package org.instaclone.metrics.view;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.instaclone.platform.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The client view beacon. */
@RestController
class ViewController {

	private final ViewIngestion ingestion;

	ViewController(ViewIngestion ingestion) {
		this.ingestion = ingestion;
	}

	@Operation(summary = "Report post views seen by the signed-in user",
			description = "Up to 100 views per call, each with a client-generated eventId; sending the same batch "
					+ "again changes nothing. 202 once stored; 400 validation naming the item (viewedAt in the "
					+ "future or older than 24 h); 503 with Retry-After when the service is saturated: send the "
					+ "same batch again.")
	@PostMapping("/api/metrics/views")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void views(Viewer viewer, @Valid @RequestBody ViewBatch batch) {
		ingestion.record(viewer.id(), batch.views());
	}
}
