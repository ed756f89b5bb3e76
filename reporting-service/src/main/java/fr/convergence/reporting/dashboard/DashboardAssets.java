package fr.convergence.reporting.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the dashboard's script and style, and Chart.js from its WebJar, under the dashboard's own path. */
@Configuration
public class DashboardAssets implements WebMvcConfigurer {

    /** Version of the org.webjars:chartjs dependency in the pom; the jar holds its files under this folder. */
    static final String CHART_JS = "classpath:/META-INF/resources/webjars/chartjs/4.4.3/dist/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/api/reporting/dashboard/vendor/**").addResourceLocations(CHART_JS);
        registry.addResourceHandler("/api/reporting/dashboard/assets/**").addResourceLocations("classpath:/dashboard/");
    }
}
