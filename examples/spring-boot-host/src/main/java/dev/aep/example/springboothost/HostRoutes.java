package dev.aep.example.springboothost;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The host's own route: it hands a batch ID to the bundle's entry point and keeps the status it gets back. */
@Component
public class HostRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:host-failed-batch").routeId("host-failed-batch")
                .to("direct:aep-retrieve-batch")
                .setBody(simple("${body[status]}"));
    }
}
