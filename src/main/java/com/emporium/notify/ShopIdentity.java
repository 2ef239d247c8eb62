package com.emporium.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How the shop presents itself in its emails: name, postal address and web address, from config. */
@ApplicationScoped
public class ShopIdentity {
    @Inject
    @ConfigProperty(name = "emporium.shop.name", defaultValue = "Emporium Demo Shop")
    String name;

    @Inject
    @ConfigProperty(name = "emporium.shop.address", defaultValue = "1 Example Street, 12345 Example City")
    String address;

    @Inject
    @ConfigProperty(name = "emporium.shop.url", defaultValue = "http://localhost:9080")
    String url;

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String url() {
        return url;
    }
}
