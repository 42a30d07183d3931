/**
 * Real infrastructure for tests. {@link org.instaclone.testsupport.TestInfrastructure} gives a test
 * context PostgreSQL and Kafka: Testcontainers when Docker is reachable, embedded otherwise.
 * {@link org.instaclone.testsupport.TestTokens} issues access tokens from a real JWKS endpoint.
 */
@NullMarked
package org.instaclone.testsupport;

import org.jspecify.annotations.NullMarked;
