package org.lodestone.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.lodestone.identity.EndpointPolicy;
import org.lodestone.identity.store.Users;
import org.lodestone.identity.tokens.ApiTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two filter chains. {@code /api/**}, {@code /actuator/**} and the EPCIS interface {@code /epcis/**} are stateless: API tokens as {@code Authorization: Bearer}, HTTP Basic only to
 * create a token, no session, no CSRF (nothing there reads cookies). Everything else is the browser UI: form login
 * (and OIDC when a client registration is configured), session, CSRF. Both apply every {@link EndpointPolicy} and
 * then deny whatever is left with 403 (ADR 0004).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private final List<EndpointPolicy> policies;

    SecurityConfiguration(List<EndpointPolicy> policies) {
        this.policies = policies;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            ApiTokens tokens,
            Users users,
            Principals principals,
            PasswordAuthentication passwords,
            JsonMapper json) {
        var problems = new ProblemResponses(json);
        var failure = new AuthenticationEntryPointFailureHandler(problems);

        var bearer = new BearerTokens(tokens, users, principals);
        var bearerFilter = new AuthenticationFilter(new ProviderManager(bearer), bearer);
        bearerFilter.setFailureHandler(failure);
        bearerFilter.setSuccessHandler((request, response, authentication) -> {});

        var basicFilter = new AuthenticationFilter(new ProviderManager(passwords), new BasicAuthenticationConverter());
        basicFilter.setRequestMatcher(ProblemResponses.TOKEN_CREATION);
        basicFilter.setFailureHandler(failure);
        basicFilter.setSuccessHandler((request, response, authentication) -> {});

        // Actuator endpoints are for machines (Prometheus scrapes with an admin's API token), so they share the API
        // chain.
        http.securityMatcher("/api/**", "/actuator/**", "/epcis/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(bearerFilter, AnonymousAuthenticationFilter.class)
                .addFilterBefore(basicFilter, AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(this::applyPolicies);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(
            HttpSecurity http,
            ObjectProvider<ClientRegistrationRepository> clients,
            Users users,
            Principals principals,
            LoginAttempts attempts,
            IdentityProperties properties) {
        var failures = new LoginFailures();

        // Remember a page only when logging in can actually lead to it.
        var requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher((HttpServletRequest request) ->
                HttpMethod.GET.matches(request.getMethod()) && !Denials.deniedByDefault(request));

        http.formLogin(form -> form.loginPage("/login").failureHandler(failures).defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(e -> e.authenticationEntryPoint(new PageResponses())
                        .accessDeniedHandler(new AccessDeniedHandlerImpl()))
                .authorizeHttpRequests(this::applyPolicies);
        if (clients.getIfAvailable() != null) {
            var oidcUsers = new LocalOidcUsers(
                    users, principals, attempts, properties.oidc().usernameClaim());
            http.oauth2Login(oauth -> oauth.loginPage("/login")
                    .userInfoEndpoint(info -> info.oidcUserService(oidcUsers))
                    .failureHandler(failures)
                    .defaultSuccessUrl("/", false));
        }
        return http.build();
    }

    private void applyPolicies(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        policies.forEach(policy -> policy.authorize(rules));
        rules.anyRequest().access(Denials.defaultDeny());
    }
}
