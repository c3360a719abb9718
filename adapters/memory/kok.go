package memory

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/kok"
)

// Mall keeps the kok data: products, wishlists, carts and orders. One
// mutex guards it all, so placing an order (read the cart, write the order,
// empty the cart) is atomic as the SQL adapter's transaction is. *Mall
// implements every kok store port.
type Mall struct {
	mu        sync.Mutex
	products  map[int64]kok.Product
	revision  int64
	wishes    map[int64]map[int64]time.Time // user → product → added at
	items     map[int64]kok.CartItem        // by item id
	nextItem  int64
	orders    map[int64]kok.Order // by order id
	nextOrder int64
	keys      map[orderKey]int64 // (user, idempotency key) → order id
}

type orderKey struct {
	user int64
	key  string
}

// NewMall returns an empty mall.
func NewMall() *Mall {
	return &Mall{
		products: map[int64]kok.Product{},
		wishes:   map[int64]map[int64]time.Time{},
		items:    map[int64]kok.CartItem{},
		orders:   map[int64]kok.Order{},
		keys:     map[orderKey]int64{},
	}
}

var (
	_ kok.ProductStore   = (*Mall)(nil)
	_ kok.WishlistStore  = (*Mall)(nil)
	_ kok.CartStore      = (*Mall)(nil)
	_ kok.OrderStore     = (*Mall)(nil)
	_ kok.OwnershipStore = (*Mall)(nil)
)

// ByID finds a product.
func (m *Mall) ByID(_ context.Context, id int64) (kok.Product, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.products[id]
	if !ok {
		return kok.Product{}, errs.Wrap(errs.ErrNotFound, "product %d", id)
	}
	return p, nil
}

// All answers every product by ascending ID.
func (m *Mall) All(context.Context) ([]kok.Product, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := slices.Collect(maps.Values(m.products))
	slices.SortFunc(out, func(a, b kok.Product) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// Version is the count, highest ID and import revision.
func (m *Mall) Version(context.Context) (kok.CatalogVersion, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v := kok.CatalogVersion{Count: int64(len(m.products)), Revision: m.revision}
	for id := range m.products {
		v.MaxID = max(v.MaxID, id)
	}
	return v, nil
}

// Import saves products by ID.
func (m *Mall) Import(_ context.Context, ps []kok.Product) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range ps {
		m.products[p.ID] = p
	}
	m.revision++
	return nil
}

// Wishlist answers a window of the user's wishlist, newest first.
func (m *Mall) Wishlist(_ context.Context, userID int64, offset, limit int) ([]kok.WishItem, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var all []kok.WishItem
	for pid, at := range m.wishes[userID] {
		all = append(all, kok.WishItem{ProductID: pid, AddedAt: at})
	}
	slices.SortFunc(all, func(a, b kok.WishItem) int {
		return cmp.Or(b.AddedAt.Compare(a.AddedAt), cmp.Compare(b.ProductID, a.ProductID))
	})
	return window(all, offset, limit), len(all), nil
}

func window[T any](all []T, offset, limit int) []T {
	if offset >= len(all) {
		return []T{}
	}
	return slices.Clone(all[offset:min(offset+limit, len(all))])
}

// PutWish adds a product unless it is there.
func (m *Mall) PutWish(_ context.Context, userID, productID int64, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.products[productID]; !ok {
		return errs.Wrap(errs.ErrNotFound, "product %d", productID)
	}
	w := m.wishes[userID]
	if w == nil {
		w = map[int64]time.Time{}
		m.wishes[userID] = w
	}
	if _, ok := w[productID]; !ok {
		w[productID] = at
	}
	return nil
}

// DeleteWish removes a product if it is there.
func (m *Mall) DeleteWish(_ context.Context, userID, productID int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.wishes[userID], productID)
	return nil
}

// cartItems answers the user's items, oldest first. The caller holds mu.
func (m *Mall) cartItems(userID int64) []kok.CartItem {
	var out []kok.CartItem
	for _, it := range m.items {
		if it.UserID == userID {
			out = append(out, it)
		}
	}
	slices.SortFunc(out, func(a, b kok.CartItem) int {
		return cmp.Or(a.AddedAt.Compare(b.AddedAt), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func (m *Mall) cartLines(userID int64) []kok.CartLine {
	items := m.cartItems(userID)
	out := make([]kok.CartLine, 0, len(items))
	for _, it := range items {
		out = append(out, kok.CartLine{Item: it, Product: m.products[it.ProductID]})
	}
	return out
}

// CartLines answers the user's cart with its products.
func (m *Mall) CartLines(_ context.Context, userID int64) ([]kok.CartLine, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cartLines(userID), nil
}

// AddToCart applies fn to the product's line, or to a new one.
func (m *Mall) AddToCart(_ context.Context, userID, productID int64, at time.Time, fn func(*kok.CartItem) error) (kok.CartItem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.products[productID]; !ok {
		return kok.CartItem{}, errs.Wrap(errs.ErrNotFound, "product %d", productID)
	}
	it := kok.CartItem{UserID: userID, ProductID: productID, AddedAt: at, UpdatedAt: at}
	for _, x := range m.items {
		if x.UserID == userID && x.ProductID == productID {
			it = x
			break
		}
	}
	id := it.ID
	if err := fn(&it); err != nil {
		return kok.CartItem{}, err
	}
	if id == 0 {
		m.nextItem++
		id = m.nextItem
	}
	it.ID, it.UserID, it.ProductID = id, userID, productID
	m.items[id] = it
	return it, nil
}

// UpdateCartItem applies fn to the user's line.
func (m *Mall) UpdateCartItem(_ context.Context, userID, itemID int64, fn func(*kok.CartItem) error) (kok.CartItem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	it, ok := m.items[itemID]
	if !ok || it.UserID != userID {
		return kok.CartItem{}, errs.Wrap(errs.ErrNotFound, "cart item %d", itemID)
	}
	if err := fn(&it); err != nil {
		return kok.CartItem{}, err
	}
	it.ID, it.UserID = itemID, userID
	m.items[itemID] = it
	return it, nil
}

// DeleteCartItem removes the user's line.
func (m *Mall) DeleteCartItem(_ context.Context, userID, itemID int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	it, ok := m.items[itemID]
	if !ok || it.UserID != userID {
		return errs.Wrap(errs.ErrNotFound, "cart item %d", itemID)
	}
	delete(m.items, itemID)
	return nil
}

func cloneOrder(o kok.Order) kok.Order {
	o.Lines = slices.Clone(o.Lines)
	return o
}

// PlaceOrder records the cart as an order under the user's key.
func (m *Mall) PlaceOrder(_ context.Context, o kok.Order, fill func(*kok.Order, []kok.CartLine) error) (kok.Order, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := orderKey{o.UserID, o.IdempotencyKey}
	if id, ok := m.keys[k]; ok {
		return cloneOrder(m.orders[id]), true, nil
	}
	lines := m.cartLines(o.UserID)
	if err := fill(&o, lines); err != nil {
		return kok.Order{}, false, err
	}
	m.nextOrder++
	o.ID = m.nextOrder
	m.orders[o.ID] = cloneOrder(o)
	m.keys[k] = o.ID
	for _, l := range lines {
		delete(m.items, l.Item.ID)
	}
	return cloneOrder(o), false, nil
}

// Orders answers a window of the user's orders, newest first.
func (m *Mall) Orders(_ context.Context, userID int64, offset, limit int) ([]kok.Order, int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var all []kok.Order
	for _, o := range m.orders {
		if o.UserID == userID {
			all = append(all, o)
		}
	}
	slices.SortFunc(all, func(a, b kok.Order) int {
		return cmp.Or(b.PlacedAt.Compare(a.PlacedAt), cmp.Compare(b.ID, a.ID))
	})
	out := window(all, offset, limit)
	for i := range out {
		out[i] = cloneOrder(out[i])
	}
	return out, len(all), nil
}

// OwnedProductIDs answers the products in the user's cart and orders.
func (m *Mall) OwnedProductIDs(_ context.Context, userID int64) ([]int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	seen := map[int64]bool{}
	for _, it := range m.items {
		if it.UserID == userID {
			seen[it.ProductID] = true
		}
	}
	for _, o := range m.orders {
		if o.UserID == userID {
			for _, l := range o.Lines {
				seen[l.ProductID] = true
			}
		}
	}
	return slices.Collect(maps.Keys(seen)), nil
}
