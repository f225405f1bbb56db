/** Request events shared by the servlet and reactive stacks, and their auto-configuration. */
@NullMarked
package dev.trajectory.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
