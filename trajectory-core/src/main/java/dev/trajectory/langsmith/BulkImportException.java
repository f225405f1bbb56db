package dev.trajectory.langsmith;

/** A bulk import or export that cannot go on: unreadable files, a missing reader, a failed or late export. */
public final class BulkImportException extends RuntimeException {

    public BulkImportException(String message) {
        super(message);
    }

    public BulkImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
