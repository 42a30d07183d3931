package org.instaclone.upload.media;

/** No stored file under that key (never stored, or removed with the last post that used it). */
public class MediaNotFoundException extends RuntimeException {

	MediaNotFoundException() {
		super("There is no media file with that key.");
	}
}
