package io.heddle.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page: one self-contained HTML file, {@code dashboard.html} next to this class, with its styles and script
 * inline; it loads nothing from the network. Its content security policy allows exactly its own script (by hash),
 * inline styles, and requests to the dashboard itself.
 *
 * <p>Thread-safe: immutable once loaded.
 *
 * @param html                  the page
 * @param contentSecurityPolicy the policy to serve it with
 */
record PageAsset(byte[] html, String contentSecurityPolicy) {

    private static final String RESOURCE = "dashboard.html";

    /**
     * Loads the page from the module's resources.
     *
     * @throws IllegalStateException if it is missing or has no single inline script: the jar is broken; rebuild it
     */
    static PageAsset load() {
        byte[] html;
        try (InputStream in = PageAsset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard page " + RESOURCE + " is missing from heddle-dashboard's"
                        + " resources (io/heddle/dashboard/); the jar is incomplete: rebuild or re-download it");
            }
            html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the dashboard page " + RESOURCE + " from heddle-dashboard's"
                    + " resources", e);
        }
        String text = new String(html, StandardCharsets.UTF_8);
        int open = text.indexOf("<script>");
        int close = text.indexOf("</script>");
        if (open < 0 || close < open || text.indexOf("<script", open + 1) >= 0) {
            throw new IllegalStateException("the dashboard page " + RESOURCE + " must hold exactly one inline <script>;"
                    + " the jar is broken: rebuild it");
        }
        String script = text.substring(open + "<script>".length(), close);
        String policy = "default-src 'none'; script-src 'sha256-" + sha256(script) + "'; style-src 'unsafe-inline';"
                + " connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'";
        return new PageAsset(html, policy);
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256, which every JDK must have", e);
        }
    }
}
