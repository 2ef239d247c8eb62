-- Shipping by weight: a method with rows here is priced by the cart's total weight instead of its flat
-- amount (which such a method leaves at 0). A cart pays the amount of the lightest band that holds it,
-- so bands are upper bounds; a cart heavier than the last band is not offered the method at all.
-- free_above still makes any method free from that subtotal on.
CREATE TABLE shipping_weight_band (
    method_code  varchar(40) NOT NULL REFERENCES shipping_method (code) ON DELETE CASCADE,
    up_to_grams  integer     NOT NULL CHECK (up_to_grams > 0),
    amount       bigint      NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (method_code, up_to_grams)
);

INSERT INTO shipping_method (code, name, countries, amount, free_above, currency) VALUES
    ('eu-parcel', 'EU parcel, priced by weight (2-4 days)', '{DE,FR,NL}', 0, NULL, 'EUR');
INSERT INTO shipping_weight_band (method_code, up_to_grams, amount) VALUES
    ('eu-parcel', 1000, 390), ('eu-parcel', 5000, 690), ('eu-parcel', 20000, 1290), ('eu-parcel', 31500, 1990);
