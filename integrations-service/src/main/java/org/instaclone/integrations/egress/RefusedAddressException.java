package org.instaclone.integrations.egress;

import java.net.UnknownHostException;

/** A host resolved to an address webhooks may not reach; thrown at connect time, before any socket opens. */
class RefusedAddressException extends UnknownHostException {

	RefusedAddressException(String message) {
		super(message);
	}
}
