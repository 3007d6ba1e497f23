package dev.parapet.mcp;

/**
 * A tool call that cannot be served, with a one-line message for the assistant. The server turns it into a tool
 * result with {@code isError=true}; it never ends the session.
 */
public final class ToolException extends RuntimeException {

    public ToolException(String message) {
        super(message);
    }
}
