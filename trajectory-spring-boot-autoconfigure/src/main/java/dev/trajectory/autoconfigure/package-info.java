/** Spring Boot auto-configuration: binds {@code trajectory.*} and wires the client. */
@NullMarked
package dev.trajectory.autoconfigure;

import org.jspecify.annotations.NullMarked;
