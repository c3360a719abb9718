// Package kok is the U+콕 mall: the product catalogue and its Korean-aware
// search, category tree, wishlist, cart and idempotent orders, and the two
// questions the recipe service asks (products selling an ingredient, and
// the ingredients a user already owns). It knows nothing of HTTP or SQL:
// those arrive through the ports in ports.go.
package kok
