/** The servlet filter recording one {@code http.request} event per request. */
@NullMarked
package dev.trajectory.autoconfigure.web.servlet;

import org.jspecify.annotations.NullMarked;
