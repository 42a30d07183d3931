/**
 * The no-Docker local runner: a plain Java supervisor that starts embedded PostgreSQL, a KRaft Kafka
 * broker and every service as separate JVMs, waits until all are ready and stops them all on Ctrl-C.
 */
@NullMarked
package org.instaclone.local;

import org.jspecify.annotations.NullMarked;
