package org.upgradeplanner.account;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.upgradeplanner.support.Roles;

/**
 * Who is signed in, as the rest of the service sees them: the name the audit log records (an account, an SSO user
 * name, or {@code token:NAME}), a display name, one role, and the SSO subject when there is one.
 */
public record Person(String name, String displayName, String role, String subject) {

    static Person of(Account a) {
        return new Person(a.username, a.displayName, a.role, a.ssoSubject);
    }

    public SecurityIdentity identity() {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(role)
                .addAttribute(Roles.DISPLAY_NAME, displayName);
        if (subject != null) {
            b.addAttribute(Roles.SUBJECT, subject);
        }
        return b.build();
    }
}
