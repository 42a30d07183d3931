/**
 * Offline checks of the deployment artifacts: Dockerfile, docker-compose.yml and k8s/.
 */
@NullMarked
package org.instaclone.deploychecks;

import org.jspecify.annotations.NullMarked;
