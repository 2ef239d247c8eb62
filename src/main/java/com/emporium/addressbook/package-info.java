/** A signed-in customer's saved shipping addresses, for checkout forms to offer. */
package com.emporium.addressbook;
