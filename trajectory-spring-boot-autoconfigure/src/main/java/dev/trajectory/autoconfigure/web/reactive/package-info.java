/** The WebFlux filter recording one {@code http.request} event per exchange. */
@NullMarked
package dev.trajectory.autoconfigure.web.reactive;

import org.jspecify.annotations.NullMarked;
