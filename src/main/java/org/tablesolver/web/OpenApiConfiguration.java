package org.tablesolver.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tableSolverOpenApi() {
        return new OpenAPI().info(new Info()
                .title("table-solver")
                .version("v1")
                .description("Floor plans, bookings, holds and whole-day table assignment for restaurants. "
                        + "Every error is an RFC 9457 application/problem+json body with `field` (the first "
                        + "offending field as a JSON path) and `errors` (all of them). Unknown JSON properties "
                        + "are ignored."));
    }
}
