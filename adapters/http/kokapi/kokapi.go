// Package kokapi serves the kok mall's routes (API.md, "kok, the mall") on
// kit: product search and detail, categories, and the caller's wishlist,
// cart and idempotent orders.
package kokapi

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/google/wire"
	"github.com/gorilla/mux"

	"github.com/kokmeal/kokmeal/adapters/http/kit"
	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/kok"
)

// ProviderSet builds the slice.
var ProviderSet = wire.NewSet(New)

// IdempotencyHeader is the header POST /api/v1/kok/orders requires.
const IdempotencyHeader = "Idempotency-Key"

// ReplayedHeader is set to "true" on an order answer that repeats the one
// first given for the same Idempotency-Key.
const ReplayedHeader = "Idempotent-Replayed"

// Slice is the kok service's HTTP side.
type Slice struct {
	svc   *kok.Service
	authn kit.Authenticator
}

var _ kit.Slice = (*Slice)(nil)

// New builds the slice; authn checks the bearer tokens of the caller's
// routes (user.Authenticate).
func New(svc *kok.Service, authn kit.Authenticator) *Slice {
	return &Slice{svc: svc, authn: authn}
}

// Routes registers the routes of API.md's kok table.
func (s *Slice) Routes(api *kit.API) {
	api = api.WithAuth(s.authn)
	products, wishlist, cart, orders := []string{"kok products"}, []string{"kok wishlist"}, []string{"kok cart"}, []string{"kok orders"}
	sorts := kok.SortNames()
	api.Handle(http.MethodGet, "/api/v1/kok/products", s.searchProducts, kit.Op{
		ID: "searchKokProducts", Summary: "Search and browse mall products", Tags: products,
		Description: "q is Korean-aware: spacing-insensitive (김치 찌개 finds 김치찌개), 초성 (ㄱㅊ), partial words, and typo-tolerant for words of 3 or more syllables. " +
			"Without q, relevance is popularity. Prices filter the discounted price. An unknown category answers an empty page; bad values are 422 naming the parameter.",
		Response: kit.List[Product]{},
		Params: append([]kit.Param{
			{Name: "q", Description: "Search text, at most 100 characters."},
			{Name: "category", Description: "A top-level category (채소) or a full path (채소/마늘·양파), as GET /api/v1/kok/categories lists them."},
			{Name: "min_price", Type: "integer", Description: "Lowest discounted price in won, 0 to 100000000."},
			{Name: "max_price", Type: "integer", Description: "Highest discounted price in won, 0 to 100000000, not below min_price."},
			{Name: "sort", Enum: sorts, Description: "Default relevance."},
		}, kit.PageParams()...),
		Errors: []int{http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodGet, "/api/v1/kok/products/{id}", s.getProduct, kit.Op{
		ID: "getKokProduct", Summary: "A mall product", Tags: products,
		Response: Product{},
		Params:   []kit.Param{{Name: "id", In: "path", Type: "integer", Description: "Product id."}},
		Errors:   []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodGet, "/api/v1/kok/categories", s.categories, kit.Op{
		ID: "listKokCategories", Summary: "The category tree with product counts", Tags: products,
		Response: CategoryTree{},
	})
	api.Handle(http.MethodGet, "/api/v1/kok/wishlist", s.listWishlist, kit.Op{
		ID: "listKokWishlist", Summary: "The caller's liked products, most recent first", Tags: wishlist, Auth: true,
		Response: kit.List[WishItem]{}, Params: kit.PageParams(),
		Errors: []int{http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodPut, "/api/v1/kok/wishlist/{product_id}", s.putWish, kit.Op{
		ID: "putKokWish", Summary: "Like a product", Tags: wishlist, Auth: true,
		Description: "Idempotent: liking a liked product changes nothing.",
		Status:      http.StatusNoContent,
		Params:      []kit.Param{{Name: "product_id", In: "path", Type: "integer"}},
		Errors:      []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodDelete, "/api/v1/kok/wishlist/{product_id}", s.deleteWish, kit.Op{
		ID: "deleteKokWish", Summary: "Unlike a product", Tags: wishlist, Auth: true,
		Description: "Idempotent: unliking a product that is not liked is no error.",
		Status:      http.StatusNoContent,
		Params:      []kit.Param{{Name: "product_id", In: "path", Type: "integer"}},
		Errors:      []int{http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodGet, "/api/v1/kok/cart", s.getCart, kit.Op{
		ID: "getKokCart", Summary: "The caller's cart at today's prices", Tags: cart, Auth: true,
		Response: Cart{},
	})
	api.Handle(http.MethodPost, "/api/v1/kok/cart/items", s.addToCart, kit.Op{
		ID: "addKokCartItem", Summary: "Put a product in the cart", Tags: cart, Auth: true,
		Description: "A product already in the cart gets the quantity added to its line (201 for a new line, 200 for a merge). " +
			"An unknown product_id, a quantity outside 1..99, or a line that would exceed 99 are 422.",
		Request: AddCartItemRequest{}, Response: Cart{}, Status: http.StatusCreated,
		Errors: []int{http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodPatch, "/api/v1/kok/cart/items/{item_id}", s.updateCartItem, kit.Op{
		ID: "updateKokCartItem", Summary: "Set the quantity of a cart line", Tags: cart, Auth: true,
		Request: UpdateCartItemRequest{}, Response: Cart{},
		Params: []kit.Param{{Name: "item_id", In: "path", Type: "integer", Description: "The line's id (items[].id of the cart)."}},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodDelete, "/api/v1/kok/cart/items/{item_id}", s.removeCartItem, kit.Op{
		ID: "removeKokCartItem", Summary: "Remove a cart line", Tags: cart, Auth: true,
		Status: http.StatusNoContent,
		Params: []kit.Param{{Name: "item_id", In: "path", Type: "integer"}},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodPost, "/api/v1/kok/orders", s.placeOrder, kit.Op{
		ID: "placeKokOrder", Summary: "Order the whole cart", Tags: orders, Auth: true,
		Description: "Requires an Idempotency-Key header (missing: 400), one per order the client means to place, sent again on every retry. " +
			"The same key with the same body answers the same order and status (with Idempotent-Replayed: true), however often and concurrently it is sent; " +
			"the same key with another body is 422. The cart is emptied in the same transaction. An empty cart is 422. No payment step: the order is recorded as placed. " +
			"The body is optional.",
		Request: PlaceOrderRequest{}, Response: Order{}, Status: http.StatusCreated,
		Params: []kit.Param{{Name: IdempotencyHeader, In: "header", Required: true,
			Description: "1 to 128 visible ASCII characters, e.g. a UUID; unique per order the client places."}},
		Errors: []int{http.StatusConflict, http.StatusUnprocessableEntity},
	})
	api.Handle(http.MethodGet, "/api/v1/kok/orders", s.listOrders, kit.Op{
		ID: "listKokOrders", Summary: "The caller's order history, newest first", Tags: orders, Auth: true,
		Response: kit.List[Order]{}, Params: kit.PageParams(),
		Errors: []int{http.StatusUnprocessableEntity},
	})
}

// caller is the signed-in user of an Auth route.
func caller(r *http.Request) int64 {
	c, _ := kit.ClaimsFrom(r.Context())
	return c.UserID
}

// pathID reads a positive integer path variable; anything else is 422
// naming it.
func pathID(r *http.Request, name string) (int64, error) {
	raw := mux.Vars(r)[name]
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.Field(name, "must be a positive integer")
	}
	return id, nil
}

// priceParam reads an optional integer query parameter.
func priceParam(r *http.Request, f errs.Fields, name string) *int64 {
	raw := strings.TrimSpace(r.URL.Query().Get(name))
	if raw == "" {
		return nil
	}
	v, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		f.Add(name, "must be an integer between 0 and 100000000")
		return nil
	}
	return &v
}

func page(r *http.Request) (kok.Page, error) {
	p, size, err := kit.Page(r)
	return kok.Page{Number: p, Size: size}, err
}

func (s *Slice) searchProducts(w http.ResponseWriter, r *http.Request) {
	f := errs.Fields{}
	minPrice, maxPrice := priceParam(r, f, "min_price"), priceParam(r, f, "max_price")
	pg, err := page(r)
	// Report every bad parameter at once.
	var inv *errs.Invalid
	if errors.As(err, &inv) {
		for k, v := range inv.Fields {
			f.Add(k, v)
		}
	}
	if err := f.Err(); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	res, err := s.svc.SearchProducts.Handle(r.Context(), kok.SearchQuery{
		Q: kit.Query(r, "q"), Category: kit.Query(r, "category"), MinPrice: minPrice, MaxPrice: maxPrice,
		Sort: kit.Query(r, "sort"), Page: pg,
	})
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, kit.NewList(productsFrom(res.Items), res.Page.Number, res.Page.Size, res.Total))
}

func (s *Slice) getProduct(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	p, err := s.svc.GetProduct.Handle(r.Context(), id)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, productFrom(p))
}

func (s *Slice) categories(w http.ResponseWriter, r *http.Request) {
	nodes, err := s.svc.Categories.Handle(r.Context())
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, treeFrom(nodes))
}

func (s *Slice) listWishlist(w http.ResponseWriter, r *http.Request) {
	pg, err := page(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	res, err := s.svc.ListWishlist.Handle(r.Context(), caller(r), pg)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	items := make([]WishItem, len(res.Items))
	for i, it := range res.Items {
		items[i] = WishItem{Product: productFrom(it.Product), AddedAt: it.AddedAt}
	}
	kit.WriteJSON(w, http.StatusOK, kit.NewList(items, res.Page.Number, res.Page.Size, res.Total))
}

func (s *Slice) putWish(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "product_id")
	if err == nil {
		err = s.svc.PutWish.Handle(r.Context(), caller(r), id)
	}
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusNoContent, nil)
}

func (s *Slice) deleteWish(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "product_id")
	if err == nil {
		err = s.svc.DeleteWish.Handle(r.Context(), caller(r), id)
	}
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusNoContent, nil)
}

func (s *Slice) getCart(w http.ResponseWriter, r *http.Request) {
	c, err := s.svc.GetCart.Handle(r.Context(), caller(r))
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, cartFrom(c))
}

func (s *Slice) addToCart(w http.ResponseWriter, r *http.Request) {
	var in AddCartItemRequest
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	c, created, err := s.svc.AddToCart.Handle(r.Context(), caller(r), kok.AddToCartInput{ProductID: in.ProductID, Quantity: in.Quantity})
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	kit.WriteJSON(w, status, cartFrom(c))
}

func (s *Slice) updateCartItem(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "item_id")
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	var in UpdateCartItemRequest
	if err := kit.Decode(r, &in); err != nil {
		kit.WriteError(w, r, err)
		return
	}
	c, err := s.svc.UpdateCartItem.Handle(r.Context(), caller(r), id, in.Quantity)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, cartFrom(c))
}

func (s *Slice) removeCartItem(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "item_id")
	if err == nil {
		err = s.svc.RemoveCartItem.Handle(r.Context(), caller(r), id)
	}
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusNoContent, nil)
}

func (s *Slice) placeOrder(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get(IdempotencyHeader)
	if strings.TrimSpace(key) == "" {
		kit.WriteError(w, r, &kit.RequestError{Kind: kit.ErrMalformed,
			Message: "the Idempotency-Key header is required: send a new unique key per order, and the same key when retrying it",
			Fields:  map[string]string{IdempotencyHeader: "header is required"}})
		return
	}
	var in PlaceOrderRequest
	// The body is optional: no body at all is {}.
	if r.ContentLength != 0 {
		if err := kit.Decode(r, &in); err != nil {
			kit.WriteError(w, r, err)
			return
		}
	}
	o, replayed, err := s.svc.PlaceOrder.Handle(r.Context(), caller(r), kok.PlaceOrderInput{
		IdempotencyKey: key, Memo: in.Memo, ExpectedTotal: in.ExpectedTotal,
	})
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	if replayed {
		w.Header().Set(ReplayedHeader, "true")
	}
	kit.WriteJSON(w, http.StatusCreated, orderFrom(o))
}

func (s *Slice) listOrders(w http.ResponseWriter, r *http.Request) {
	pg, err := page(r)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	res, err := s.svc.ListOrders.Handle(r.Context(), caller(r), pg)
	if err != nil {
		kit.WriteError(w, r, err)
		return
	}
	items := make([]Order, len(res.Items))
	for i, o := range res.Items {
		items[i] = orderFrom(o)
	}
	kit.WriteJSON(w, http.StatusOK, kit.NewList(items, res.Page.Number, res.Page.Size, res.Total))
}
