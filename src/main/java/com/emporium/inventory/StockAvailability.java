package com.emporium.inventory;

import java.util.Collection;
import java.util.Map;

/** What other features may ask of inventory: how sellable each SKU is right now. */
public interface StockAvailability {

    /** Availability of each given SKU; a SKU without stock rows is {@link Availability.Level#OUT}. */
    Map<String, Availability> of(Collection<String> skus);

    /** Units free to hold now, summed over locations; SKUs without stock are absent. For checkout, not for display. */
    Map<String, Long> unitsAvailable(Collection<String> skus);
}
