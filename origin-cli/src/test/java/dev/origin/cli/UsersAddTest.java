package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.server.Access;
import dev.origin.server.Accounts;
import dev.origin.store.Database;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code origin users add}: creates the first admin (the password from the first line of standard input, as a script
 * or a pipe gives it), stored as a bcrypt hash; a weak password, a bad name, a role that does not exist and a name
 * taken are refused with their codes and exit 2, and change nothing.
 */
class UsersAddTest {

    /** Runs the command line with {@code stdin} as standard input (no terminal in a test: the password is read from it). */
    static CliTest.Result withInput(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliTest.run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void theFirstAdminIsAddedFromTheCommandLineAndCanSignIn() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Database db = Database.open(url);
        Accounts a = UsersCommand.accounts(db);
        assertThat(a.count()).isZero();

        CliTest.Result added = withInput("a long enough password\n", "users", "add", "root", "--role", "admin", "--db", url);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("added root (admin)");
        Accounts.User root = a.check("root", "a long enough password");
        assertThat(root).isNotNull();
        assertThat(root.role()).isEqualTo(Access.ADMIN);
        assertThat(a.check("root", "a wrong password!")).isNull();
        // the password is kept only as a bcrypt hash
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM app_user")) {
            StringBuilder row = new StringBuilder();
            while (rs.next()) for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.append(rs.getString(i)).append('|');
            assertThat(row.toString()).doesNotContain("a long enough password").containsPattern("\\$2[aby]\\$12\\$");
        }

        CliTest.Result weak = withInput("short\n", "users", "add", "eve", "--role", "viewer", "--db", url);
        assertThat(weak.exit()).isEqualTo(2);
        assertThat(weak.err()).contains("WEAK_PASSWORD").doesNotContain("Exception");
        CliTest.Result none = withInput("", "users", "add", "eve", "--role", "viewer", "--db", url);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("WEAK_PASSWORD").doesNotContain("Exception");
        CliTest.Result name = withInput("a long enough password\n", "users", "add", "bad name!", "--role", "viewer", "--db", url);
        assertThat(name.exit()).isEqualTo(2);
        assertThat(name.err()).contains("BAD_USER_NAME").contains("bad name!");
        CliTest.Result role = withInput("a long enough password\n", "users", "add", "eve", "--role", "boss", "--db", url);
        assertThat(role.exit()).isEqualTo(2);
        assertThat(role.err()).contains("BAD_VALUE").contains("boss");
        CliTest.Result twice = withInput("another long password\n", "users", "add", "root", "--role", "viewer", "--db", url);
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("USER_EXISTS");
        assertThat(a.count()).isEqualTo(1);
        assertThat(a.check("root", "a long enough password").role()).isEqualTo(Access.ADMIN);
    }
}
