package org.tablesolver.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The host's timeline page (static/index.html) at {@code /} and at {@code /host}. */
@Configuration(proxyBeanMethods = false)
class HostPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/host").setViewName("forward:/index.html");
    }
}
