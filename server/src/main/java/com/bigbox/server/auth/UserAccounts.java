package com.bigbox.server.auth;

import com.bigbox.postgres.access.StoredUser;
import com.bigbox.postgres.access.UserStore;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users themselves: created, listed, changed and deleted, with the rules a user meets (a valid e-mail, a strong
 * password, an app role, a client for client users and only for them). A change of rights ends the user's sessions.
 */
final class UserAccounts {
    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    static final Set<String> APP_ROLES = Set.of("ceo", "employee", "client");

    private final UserStore users;
    private final Passwords passwords;
    private final Sessions sessions;

    UserAccounts(UserStore users, Passwords passwords, Sessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    StoredUser create(String email, String password, String appRole, String clientId) {
        String normalized = email(email);
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw AuthException.badRequest("weak_password", problem);
        }
        String role = appRole == null ? "employee" : appRole;
        checkRole(role, clientId);
        StoredUser user = refused(() -> users.create(normalized, passwords.hash(password), role, clientId));
        log.info("User {} created ({}{})", user.id(), role, clientId == null ? "" : ", client " + clientId);
        return user;
    }

    List<StoredUser> list(int limit, int offset) {
        return users.list(limit, offset);
    }

    StoredUser user(UUID id) {
        return users.byId(id).orElseThrow(() -> new AuthException(404, "user_not_found", "User not found"));
    }

    StoredUser update(UUID id, String appRole, boolean setClientId, String clientId, String password) {
        StoredUser current = user(id);
        String role = appRole == null ? current.appRole() : appRole;
        String client = setClientId ? clientId : current.clientId();
        if (appRole != null && !"client".equals(appRole) && !setClientId) {
            client = null;
        }
        checkRole(role, client);
        if (password != null) {
            String problem = Passwords.problem(password);
            if (problem != null) {
                throw AuthException.badRequest("weak_password", problem);
            }
        }
        String finalClient = client;
        StoredUser updated = refused(() ->
                        users.update(id, role, true, finalClient, password == null ? null : passwords.hash(password)))
                .orElseThrow(() -> new AuthException(404, "user_not_found", "User not found"));
        if (password != null || !role.equals(current.appRole()) || !Objects.equals(finalClient, current.clientId())) {
            // Rights changed: existing sessions must sign in again to get tokens with the new claims.
            sessions.revokeUser(id);
        }
        return updated;
    }

    void delete(UUID id) {
        sessions.revokeUser(id);
        if (!users.delete(id)) {
            throw new AuthException(404, "user_not_found", "User not found");
        }
        log.info("User {} deleted", id);
    }

    private static void checkRole(String role, String clientId) {
        if (!APP_ROLES.contains(role)) {
            throw AuthException.badRequest(
                    "validation_failed", "app_role must be one of ceo, employee, client; was '" + role + "'");
        }
        if ("client".equals(role) && (clientId == null || clientId.isBlank())) {
            throw AuthException.badRequest("validation_failed", "client_id is required for a client user");
        }
        if (!"client".equals(role) && clientId != null) {
            throw AuthException.badRequest("validation_failed", "client_id is only for client users (app_role client)");
        }
    }

    private static String email(String email) {
        if (email == null || email.isBlank()) {
            throw AuthException.badRequest("validation_failed", "email is required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 320 || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw AuthException.badRequest("validation_failed", "email is not a valid e-mail address: '" + email + "'");
        }
        return normalized;
    }

    private static <T> T refused(Supplier<T> action) {
        try {
            return action.get();
        } catch (UserStore.UserRefusedException e) {
            if ("email".equals(e.field()) && e.getMessage().contains("already exists")) {
                throw new AuthException(
                        422, "email_exists", "A user with this email address has already been registered");
            }
            throw AuthException.badRequest("validation_failed", e.field() + " " + e.getMessage());
        }
    }
}
