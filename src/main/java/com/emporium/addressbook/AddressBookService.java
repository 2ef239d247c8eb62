package com.emporium.addressbook;

import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A customer's address book. Another customer's address is a 404, as if it did not exist. */
@ApplicationScoped
@Transactional
public class AddressBookService {
    @Inject
    AddressBookRepository book;

    @Inject
    @ConfigProperty(name = "emporium.addresses.max-per-customer", defaultValue = "20")
    int maxPerCustomer;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AddressView> list(String owner) {
        return book.of(owner).stream().map(SavedAddress::view).toList();
    }

    public AddressView add(String owner, AddressEntry entry) {
        book.lockOwner(owner);
        if (book.of(owner).size() >= maxPerCustomer) {
            throw new Conflict(
                    "address-book-full",
                    "Address book full",
                    "An address book holds at most " + maxPerCustomer + " addresses; remove one first.");
        }
        SavedAddress address = new SavedAddress(owner, entry, Instant.now());
        book.add(address);
        return address.view();
    }

    public AddressView replace(String owner, long id, AddressEntry entry) {
        SavedAddress address = own(owner, id);
        address.replace(entry, Instant.now());
        return address.view();
    }

    public void remove(String owner, long id) {
        book.remove(own(owner, id));
    }

    private SavedAddress own(String owner, long id) {
        return book.find(id)
                .filter(a -> a.ownedBy(owner))
                .orElseThrow(() -> new NotFound("No address " + id + " in your address book."));
    }
}
