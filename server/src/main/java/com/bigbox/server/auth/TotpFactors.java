package com.bigbox.server.auth;

import com.bigbox.postgres.access.SecondFactorStore;
import com.bigbox.postgres.access.StoredUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional TOTP second factor: a secret enrolled, confirmed by a first code (which hands out the recovery
 * codes, shown only then), checked at sign-in (each time step and each recovery code accepted once), removed only
 * with a current code so that a stolen token alone cannot.
 */
final class TotpFactors {
    private static final Logger log = LoggerFactory.getLogger(TotpFactors.class);
    private static final int RECOVERY_CODES = 10;

    private final SecondFactorStore factors;
    private final Clock clock;
    private final String issuer;
    private final SecureRandom random;

    TotpFactors(SecondFactorStore factors, Clock clock, String issuer, SecureRandom random) {
        this.factors = factors;
        this.clock = clock;
        this.issuer = issuer;
        this.random = random;
    }

    AuthService.TotpEnrollment enroll(StoredUser user) {
        String secret = Totp.newSecret(random);
        if (!factors.setPendingTotp(user.id(), secret)) {
            throw AuthException.badRequest("mfa_factor_exists", "a verified TOTP factor is active; remove it first");
        }
        return new AuthService.TotpEnrollment(user.id(), secret, Totp.uri(issuer, user.email(), secret));
    }

    List<String> verify(StoredUser user, String code) {
        if (user.totpSecret() == null || user.totpEnabled()) {
            throw AuthException.badRequest("mfa_factor_not_found", "no TOTP factor is waiting for verification");
        }
        OptionalLong step = Totp.verify(user.totpSecret(), code, clock.instant());
        if (step.isEmpty()) {
            throw AuthException.badRequest("mfa_verification_failed", "Invalid TOTP code entered");
        }
        var codes = new ArrayList<String>();
        var hashes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(SecretHash.of(recovery));
        }
        if (!factors.enableTotp(user.id(), step.getAsLong(), hashes)) {
            throw AuthException.badRequest("mfa_factor_not_found", "no TOTP factor is waiting for verification");
        }
        log.info("User {} turned on TOTP", user.id());
        return codes;
    }

    void disable(StoredUser user, String code, String recoveryCode) {
        if (user.totpEnabled()) {
            check(user, code, recoveryCode);
        }
        factors.disableTotp(user.id());
        log.info("User {} turned off TOTP", user.id());
    }

    int recoveryCodesLeft(StoredUser user) {
        return factors.recoveryCodesLeft(user.id());
    }

    /** The second factor of a user who has one: a TOTP code, or else a recovery code; refused otherwise. */
    void check(StoredUser user, String totpCode, String recoveryCode) {
        if (totpCode != null && !totpCode.isBlank()) {
            OptionalLong step = Totp.verify(user.totpSecret(), totpCode.strip(), clock.instant());
            if (step.isPresent() && factors.acceptTotpStep(user.id(), step.getAsLong())) {
                return;
            }
            throw new AuthException(401, "mfa_verification_failed", "Invalid TOTP code entered");
        }
        if (recoveryCode != null && !recoveryCode.isBlank()) {
            if (factors.useRecoveryCode(
                    user.id(), SecretHash.of(recoveryCode.strip().toLowerCase(Locale.ROOT)))) {
                log.info("User {} signed in with a recovery code", user.id());
                return;
            }
            throw new AuthException(401, "mfa_verification_failed", "Invalid recovery code");
        }
        throw new AuthException(
                401, "mfa_required", "This account has a second factor: send totp_code (or recovery_code)");
    }

    private String recoveryCode() {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 5) + "-" + hex.substring(5);
    }
}
