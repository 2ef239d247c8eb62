package com.emporium.identity;

import jakarta.enterprise.context.ApplicationScoped;

/** Placeholder until the shared rate limiter lands. */
@ApplicationScoped
public class LoginThrottle {
  void checkLogin(String email) {}

  void checkRegistration() {}

  void checkRefresh() {}

  void checkPasswordChange(long accountId) {}
}
