package org.instaclone.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Registers {@link ProblemDetailsAdvice} before Spring MVC's auto-configuration, which then backs off
 * from adding its own {@code ResponseEntityExceptionHandler}.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(ProblemDetailsAdvice.class)
public class ProblemDetailsAutoConfiguration {

}
