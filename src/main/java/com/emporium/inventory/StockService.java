package com.emporium.inventory;

import com.emporium.platform.Sku;
import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff's stock operations (each one a ledger entry) and the public availability read. */
@ApplicationScoped
@Transactional
public class StockService implements StockAvailability {
    static final String DEFAULT_LOCATION = "main";

    @Inject
    StockRepository stock;

    @Inject
    AvailabilityPolicy policy;

    public StockView receive(String skuCode, Receipt receipt, String actor) {
        Sku sku = known(skuCode);
        StockLocation location = location(receipt.location());
        requireRoomFor(sku, receipt.quantity());
        int onHand = stock.receive(sku, location.id(), receipt.quantity());
        record(sku, location, StockMovement.Kind.RECEIPT, receipt.quantity(), onHand, receipt.reason(), actor);
        return levelsOf(sku);
    }

    public StockView adjust(String skuCode, Adjustment adjustment, String actor) {
        if (adjustment.delta() == 0) {
            throw new InvalidRequest("An adjustment needs a non-zero delta.");
        }
        Sku sku = known(skuCode);
        StockLocation location = location(adjustment.location());
        int onHand;
        if (adjustment.delta() > 0) {
            requireRoomFor(sku, adjustment.delta());
            onHand = stock.receive(sku, location.id(), adjustment.delta());
        } else {
            onHand = stock.remove(sku, location.id(), -adjustment.delta())
                    .orElseThrow(() -> new InsufficientStock("Removing " + -adjustment.delta() + " unit(s) of '" + sku
                            + "' at '" + location.code() + "' would leave fewer on hand than are reserved."));
        }
        record(sku, location, StockMovement.Kind.ADJUSTMENT, adjustment.delta(), onHand, adjustment.reason(), actor);
        return levelsOf(sku);
    }

    public StockView count(String skuCode, String locationCode, StockCount count, String actor) {
        Sku sku = known(skuCode);
        StockLocation location = location(locationCode);
        long total = stock.lockOnHand(sku);
        int before = stock.lockForCount(sku, location.id());
        if (total - before + count.onHand() > StockLimitExceeded.MAX_ON_HAND) {
            throw new StockLimitExceeded(sku, total - before + count.onHand());
        }
        int onHand = stock.set(sku, location.id(), count.onHand())
                .orElseThrow(() -> new InsufficientStock("'" + sku + "' at '" + location.code()
                        + "' has more units reserved than " + count.onHand() + "."));
        record(sku, location, StockMovement.Kind.COUNT, onHand - before, onHand, count.reason(), actor);
        return levelsOf(sku);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StockView stock(String skuCode) {
        return levelsOf(known(skuCode));
    }

    private StockView levelsOf(Sku sku) {
        return StockView.of(sku.value(), stock.levels(sku));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MovementView> movements(String skuCode, int limit) {
        Sku sku = known(skuCode);
        Map<Long, String> codes = new HashMap<>();
        return stock.movements(sku, limit).stream()
                .map(m -> new MovementView(
                        m.id(),
                        m.sku(),
                        codes.computeIfAbsent(
                                m.locationId(),
                                id -> stock.location(id).orElseThrow().code()),
                        m.kind().name(),
                        m.delta(),
                        m.onHandAfter(),
                        m.reason(),
                        m.actor(),
                        m.occurredAt()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LocationView> locations() {
        return stock.locations().stream().map(LocationView::from).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LocationView locationByCode(String code) {
        return stock.location(code)
                .map(LocationView::from)
                .orElseThrow(() -> new NotFound("Location '" + code + "' does not exist."));
    }

    public LocationView createLocation(NewLocation request) {
        if (stock.location(request.code()).isPresent()) {
            throw new Conflict(
                    "location-taken", "Location code taken", "Location '" + request.code() + "' already exists.");
        }
        StockLocation location =
                new StockLocation(request.code(), request.name(), request.priority() == null ? 0 : request.priority());
        stock.add(location);
        return LocationView.from(location);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Availability> of(Collection<String> skus) {
        Map<String, Long> available = stock.availableBySku(skus);
        Map<String, Availability> result = new HashMap<>();
        for (String sku : skus) {
            result.put(sku, policy.of(available.getOrDefault(sku, 0L)));
        }
        return result;
    }

    /** Locks the SKU's stock rows (see {@link StockRepository#lockOnHand}) and refuses a total past the limit. */
    private void requireRoomFor(Sku sku, int added) {
        long total = stock.lockOnHand(sku);
        if (total + added > StockLimitExceeded.MAX_ON_HAND) {
            throw new StockLimitExceeded(sku, total + added);
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> unitsAvailable(Collection<String> skus) {
        return stock.availableBySku(skus);
    }

    /** A SKU some variant has (live or archived); text that cannot be a SKU is just as unknown. */
    private Sku known(String skuCode) {
        return Sku.parse(skuCode)
                .filter(stock::skuExists)
                .orElseThrow(() -> new NotFound("SKU '" + skuCode + "' does not exist."));
    }

    private StockLocation location(String locationCode) {
        String code = locationCode == null || locationCode.isBlank() ? DEFAULT_LOCATION : locationCode;
        return stock.location(code).orElseThrow(() -> new InvalidRequest("Location '" + code + "' does not exist."));
    }

    private void record(
            Sku sku,
            StockLocation location,
            StockMovement.Kind kind,
            int delta,
            int onHandAfter,
            String reason,
            String actor) {
        stock.record(new StockMovement(sku, location.id(), kind, delta, onHandAfter, reason, actor));
    }
}
