package dev.parapet.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code spec} argument of {@code scan_api}, judged before the scan: an assistant may name an OpenAPI document
 * as a file under the server's working directory (symbolic links resolved, so no link can lead outside it) or as an
 * http(s) URL whose host the {@link TargetPolicy} admits, exactly as it would admit a target. A file is passed to
 * the scan by its real path; a URL is fetched by the engine through its scope rules, so the URL's {@code host:port}
 * is handed on as a spec host. Immutable.
 *
 * @param spec     what the scan's {@code spec} setting becomes: a real file path or the URL
 * @param specHost the {@code spec-host} entry a URL on another origin needs, or empty
 * @param url      the URL, when the spec is one (its host must be pinned like the target's)
 */
record SpecArgument(String spec, Optional<String> specHost, Optional<URI> url) {

    /**
     * @param workingDirectory the directory files must lie under (the server's working directory)
     * @throws ToolException naming the argument and what to give instead
     */
    static SpecArgument judge(String value, Path workingDirectory, TargetPolicy policy) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return url(value, policy);
        }
        if (lower.matches("[a-z][a-z0-9+.-]*:.*") && !lower.matches("[a-z]:[\\\\/].*")) {
            throw new ToolException("scan_api: spec must be a file under the server's working directory or an"
                    + " http(s) URL, not " + value);
        }
        return file(value, workingDirectory);
    }

    private static SpecArgument url(String value, TargetPolicy policy) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ToolException("scan_api: spec " + value + " is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new ToolException("scan_api: spec " + value + " must be an http(s) URL with a host and no user"
                    + " info");
        }
        try {
            policy.check(uri);
        } catch (ToolException e) {
            throw new ToolException("scan_api: spec URL refused: " + e.getMessage());
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return new SpecArgument(uri.toString(), Optional.of(uri.getPort() >= 0 ? host + ":" + uri.getPort() : host),
                Optional.of(uri));
    }

    private static SpecArgument file(String value, Path workingDirectory) {
        Path root;
        Path real;
        try {
            root = workingDirectory.toRealPath();
            real = root.resolve(value).toRealPath();
        } catch (NoSuchFileException | InvalidPathException e) {
            throw new ToolException("scan_api: spec " + value + ": no such file under the server's working"
                    + " directory " + workingDirectory.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new ToolException("scan_api: spec " + value + " cannot be read: " + e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new ToolException("scan_api: spec " + value + " is outside the server's working directory " + root
                    + "; copy the document under it or give an http(s) URL");
        }
        if (!Files.isRegularFile(real)) {
            throw new ToolException("scan_api: spec " + value + " is not a regular file");
        }
        return new SpecArgument(real.toString(), Optional.empty(), Optional.empty());
    }
}
