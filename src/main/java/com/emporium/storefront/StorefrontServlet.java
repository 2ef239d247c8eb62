package com.emporium.storefront;

import com.emporium.platform.http.IfNoneMatch;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Serves the storefront: {@code /} is its page, {@code /storefront/<file>} its scripts and styles. The
 * files are fixed for the life of a deployment, so each is read and hashed once; the hash is a strong
 * ETag, and If-None-Match gets 304. When the storefront is off, every one of these paths is the same
 * 404 problem as any unknown path.
 */
@WebServlet(urlPatterns = {"", "/storefront/*"})
public class StorefrontServlet extends HttpServlet {
    static final String ENABLED = "emporium.storefront.enabled";
    static final String MAX_AGE = "emporium.storefront.max-age";

    /**
     * The page's own policy: scripts, styles and API calls from this origin only and nothing inline, so
     * an injected {@code <script>} or {@code onclick} does not run. Product images may come from an
     * image host over HTTPS. The API's answers keep their stricter {@code default-src 'none'}.
     */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** Flat file names only: nothing a request names can leave the storefront's directory. */
    private static final Pattern ASSET = Pattern.compile("/[a-z0-9][a-z0-9-]*\\.(js|css|svg)");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Optional<Asset>> assets = new ConcurrentHashMap<>();
    private boolean enabled;
    private int maxAge;

    record Asset(byte[] body, String type, String opaque) {
        String etag() {
            return "\"" + opaque + "\"";
        }
    }

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        // Follows the embedded developer run unless set: a production server shows no shop of its own.
        boolean embedded = config.getOptionalValue("emporium.embedded.enabled", Boolean.class)
                .orElse(true);
        enabled = config.getOptionalValue(ENABLED, Boolean.class).orElse(embedded);
        maxAge = config.getOptionalValue(MAX_AGE, Integer.class).orElse(300);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Asset> asset = enabled ? lookup(request) : Optional.empty();
        if (asset.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Asset found = asset.get();
        boolean page = found.type().startsWith("text/html");
        // The page is revalidated on every load so a new deployment shows at once; its scripts and
        // styles may be reused for max-age, and after that revalidate by ETag.
        response.setHeader("Cache-Control", page ? "no-cache" : "public, max-age=" + maxAge);
        response.setHeader("ETag", found.etag());
        if (page) {
            response.setHeader("Content-Security-Policy", PAGE_CSP);
        }
        if (IfNoneMatch.matches(request.getHeader("If-None-Match"), found.opaque())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(found.type());
        response.setContentLength(found.body().length);
        response.getOutputStream().write(found.body());
    }

    private Optional<Asset> lookup(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String file;
        if (servletPath.isEmpty() && (pathInfo == null || pathInfo.equals("/"))) {
            file = "index.html";
        } else if (servletPath.equals("/storefront")
                && pathInfo != null
                && ASSET.matcher(pathInfo).matches()) {
            file = pathInfo.substring(1);
        } else {
            return Optional.empty();
        }
        return assets.computeIfAbsent(file, this::load);
    }

    private Optional<Asset> load(String file) {
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/storefront/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            String extension = file.substring(file.lastIndexOf('.') + 1);
            return Optional.of(new Asset(body, TYPES.get(extension), hash(body)));
        } catch (IOException e) {
            throw new IllegalStateException("Storefront file " + file + " is unreadable", e);
        }
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
