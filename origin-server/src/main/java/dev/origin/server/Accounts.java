package dev.origin.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.origin.core.engine.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Users, browser sessions and API tokens, in the workspace database (migration V40).
 *
 * <p>Passwords are hashed with bcrypt (at.favre.lib:bcrypt, cost {@value #COST}); a session or API token is
 * 32 random bytes given to the client once and stored only as its SHA-256 hash, so a copy of the database
 * does not let anyone sign in. Every statement is parameterised.
 */
public final class Accounts {
    /** bcrypt cost: 2^12 rounds, about a quarter of a second per check on a laptop core. */
    static final int COST = 12;
    public static final int MIN_PASSWORD = 10;
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A hash to check against when the user does not exist, so that both cases take as long. */
    private static final String DUMMY = new String(BCrypt.withDefaults().hash(COST, "not a password".toCharArray()), StandardCharsets.US_ASCII);

    private final DataSource db;

    public Accounts(DataSource db) {
        this.db = db;
    }

    /** A user: id, name and role. */
    public record User(long id, String name, Access role, boolean disabled) {}

    /** A signed-in browser session: its user and the CSRF token every form of the session carries. */
    public record Session(User user, String csrf) {}

    /** An API token as listed (never its secret). */
    public record Token(long id, String name, String user, Instant created, Instant lastUsed, boolean revoked) {}

    // ------------------------------------------------------------------ users

    /** Adds a user; problems (name, role, password, duplicate) as {@link ApiException}s with status 422 or 409. */
    public User add(String name, String password, Access role) {
        checkName(name);
        checkPassword(password);
        if (role == null || role == Access.PUBLIC) throw ApiException.of(422, "role", ErrorCode.BAD_VALUE, role == null ? "" : role.label(), "viewer, analyst or admin");
        if (find(name) != null) throw ApiException.of(409, "name", ErrorCode.USER_EXISTS, name);
        String hash = hash(password);
        update("INSERT INTO app_user (name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, FALSE, ?)",
                name, role.label(), hash, Timestamp.from(Instant.now()));
        return find(name);
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) throw ApiException.of(422, "name", ErrorCode.BAD_USER_NAME, name == null ? "" : name);
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) throw ApiException.of(422, "password", ErrorCode.WEAK_PASSWORD, MIN_PASSWORD);
    }

    private static String hash(String password) {
        return new String(BCrypt.withDefaults().hash(COST, password.toCharArray()), StandardCharsets.US_ASCII);
    }

    public User find(String name) {
        List<User> u = query("SELECT id, name, role, disabled FROM app_user WHERE name = ?", Accounts::user, name);
        return u.isEmpty() ? null : u.get(0);
    }

    public long count() {
        return query("SELECT COUNT(*) FROM app_user", r -> r.getLong(1)).get(0);
    }

    /** Users by name, {@code limit} from {@code offset}. */
    public List<User> users(int offset, int limit) {
        return query("SELECT id, name, role, disabled FROM app_user ORDER BY name OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", Accounts::user, offset, limit);
    }

    /** Changes a user's role, password or disabled flag (null: unchanged); the last enabled admin stays one. */
    public User change(String name, Access role, String password, Boolean disabled) {
        tokenCache.clear();
        User u = find(name);
        if (u == null) throw ApiException.of(404, "name", ErrorCode.NOT_FOUND, "user", name);
        if (role == Access.PUBLIC) throw ApiException.of(422, "role", ErrorCode.BAD_VALUE, "public", "viewer, analyst or admin");
        boolean losesAdmin = u.role() == Access.ADMIN && !u.disabled() && ((role != null && role != Access.ADMIN) || Boolean.TRUE.equals(disabled));
        if (losesAdmin && admins() <= 1) throw ApiException.of(409, "name", ErrorCode.LAST_ADMIN, name);
        if (password != null) checkPassword(password);
        if (role != null) update("UPDATE app_user SET role = ? WHERE id = ?", role.label(), u.id());
        if (password != null) update("UPDATE app_user SET password_hash = ? WHERE id = ?", hash(password), u.id());
        if (disabled != null) update("UPDATE app_user SET disabled = ? WHERE id = ?", disabled, u.id());
        if (password != null || Boolean.TRUE.equals(disabled)) update("DELETE FROM app_session WHERE user_id = ?", u.id());
        return find(name);
    }

    /** Deletes a user with their sessions and tokens; the last admin cannot be deleted. */
    public void delete(String name) {
        tokenCache.clear();
        User u = find(name);
        if (u == null) throw ApiException.of(404, "name", ErrorCode.NOT_FOUND, "user", name);
        if (u.role() == Access.ADMIN && !u.disabled() && admins() <= 1) throw ApiException.of(409, "name", ErrorCode.LAST_ADMIN, name);
        update("DELETE FROM app_user WHERE id = ?", u.id());
    }

    private long admins() {
        return query("SELECT COUNT(*) FROM app_user WHERE role = 'admin' AND disabled = FALSE", r -> r.getLong(1)).get(0);
    }

    /** The user if the name and password match an enabled user, else null (in the same time either way). */
    public User check(String name, String password) {
        List<String[]> rows = query("SELECT name, password_hash FROM app_user WHERE name = ? AND disabled = FALSE",
                r -> new String[] {r.getString(1), r.getString(2)}, name == null ? "" : name);
        String hash = rows.isEmpty() ? DUMMY : rows.get(0)[1];
        boolean ok = BCrypt.verifyer().verify(password == null ? new char[0] : password.toCharArray(), hash.getBytes(StandardCharsets.US_ASCII)).verified;
        return ok && !rows.isEmpty() ? find(rows.get(0)[0]) : null;
    }

    // ------------------------------------------------------------------ sessions

    /** Opens a session for {@code user}; returns the cookie value (the only copy of the secret). */
    public String openSession(User user) {
        String token = secret();
        Instant now = Instant.now();
        update("DELETE FROM app_session WHERE expires_at < ?", Timestamp.from(now));
        update("INSERT INTO app_session (token_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                sha256(token), user.id(), secret(), Timestamp.from(now), Timestamp.from(now.plus(SESSION_LIFETIME)));
        return token;
    }

    /** The live session of a cookie value, or null. */
    public Session session(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) return null;
        List<Session> s = query("SELECT u.id, u.name, u.role, u.disabled, s.csrf FROM app_session s JOIN app_user u ON u.id = s.user_id "
                + "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = FALSE", r -> new Session(user(r), r.getString(5)),
                sha256(cookie), Timestamp.from(Instant.now()));
        return s.isEmpty() ? null : s.get(0);
    }

    public void closeSession(String cookie) {
        if (cookie != null) update("DELETE FROM app_session WHERE token_hash = ?", sha256(cookie));
    }

    // ------------------------------------------------------------------ API tokens

    /** A new API token of {@code user} named {@code name}; returns the secret, shown once. */
    public String issueToken(User user, String name) {
        if (name == null || name.isBlank() || name.length() > 100) throw ApiException.of(422, "name", ErrorCode.EMPTY_VALUE, "name");
        String token = "orig_" + secret();
        update("INSERT INTO api_token (token_hash, user_id, name, created_at, revoked) VALUES (?, ?, ?, ?, FALSE)",
                sha256(token), user.id(), name.strip(), Timestamp.from(Instant.now()));
        return token;
    }

    /** How long a token's user is remembered without asking the database; revoking or changing users forgets at once. */
    static final long TOKEN_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private record Cached(User user, long until) {}
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> tokenCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The user of a live API token, or null (remembered for {@link #TOKEN_CACHE_NANOS}: an integration's calls cost no query each). */
    public User tokenUser(String token) {
        if (token == null || token.length() > 100) return null;
        String h = sha256(token);
        Cached c = tokenCache.get(h);
        long now = System.nanoTime();
        if (c != null && c.until() - now > 0) return c.user();
        User u = lookUpToken(h);
        if (u == null) tokenCache.remove(h);
        else {
            if (tokenCache.size() > 10_000) tokenCache.clear();
            tokenCache.put(h, new Cached(u, now + TOKEN_CACHE_NANOS));
        }
        return u;
    }

    private User lookUpToken(String h) {
        List<User> u = query("SELECT u.id, u.name, u.role, u.disabled FROM api_token t JOIN app_user u ON u.id = t.user_id "
                + "WHERE t.token_hash = ? AND t.revoked = FALSE AND u.disabled = FALSE", Accounts::user, h);
        return u.isEmpty() ? null : u.get(0);
    }

    /** Tokens of {@code user} (all users' when null), newest first. */
    public List<Token> tokens(User user, int offset, int limit) {
        String sql = "SELECT t.id, t.name, u.name, t.created_at, t.last_used_at, t.revoked FROM api_token t JOIN app_user u ON u.id = t.user_id "
                + (user == null ? "" : "WHERE t.user_id = ? ") + "ORDER BY t.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        SqlRow<Token> row = r -> new Token(r.getLong(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(),
                r.getTimestamp(5) == null ? null : r.getTimestamp(5).toInstant(), r.getBoolean(6));
        return user == null ? query(sql, row, offset, limit) : query(sql, row, user.id(), offset, limit);
    }

    public long tokenCount(User user) {
        return user == null ? query("SELECT COUNT(*) FROM api_token", r -> r.getLong(1)).get(0)
                : query("SELECT COUNT(*) FROM api_token WHERE user_id = ?", r -> r.getLong(1), user.id()).get(0);
    }

    /** Revokes a token of {@code owner} (any user's when {@code owner} is null); false when there is none. */
    public boolean revoke(long id, User owner) {
        tokenCache.clear();
        return owner == null ? update("UPDATE api_token SET revoked = TRUE WHERE id = ?", id) > 0
                : update("UPDATE api_token SET revoked = TRUE WHERE id = ? AND user_id = ?", id, owner.id()) > 0;
    }

    // ------------------------------------------------------------------ helpers

    /** A random password of 20 letters and digits (for the first-run admin). */
    public static String newPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.toString();
    }

    static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static User user(ResultSet r) throws SQLException {
        return new User(r.getLong(1), r.getString(2), Access.role(r.getString(3)), r.getBoolean(4));
    }

    interface SqlRow<T> { T map(ResultSet r) throws SQLException; }

    private <T> List<T> query(String sql, SqlRow<T> row, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) out.add(row.map(r));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }
}
