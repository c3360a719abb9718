package kok

// Service gathers the kok use cases; routers and hosts depend on it.
type Service struct {
	Catalog        *Catalog
	SearchProducts SearchProducts
	GetProduct     GetProduct
	Categories     Categories
	ListWishlist   ListWishlist
	PutWish        PutWish
	DeleteWish     DeleteWish
	GetCart        GetCart
	AddToCart      AddToCart
	UpdateCartItem UpdateCartItem
	RemoveCartItem RemoveCartItem
	PlaceOrder     PlaceOrder
	ListOrders     ListOrders
	ImportProducts ImportProducts
	ByIngredient   ProductsByIngredient
	Owned          OwnedIngredients
}

// Stores are the ports the service needs. One adapter usually implements
// them all over one database.
type Stores struct {
	Products  ProductStore
	Wishlist  WishlistStore
	Carts     CartStore
	Orders    OrderStore
	Ownership OwnershipStore
}

// NewService wires the use cases from their ports. catalog must be built
// over s.Products (NewCatalog or OpenCatalog).
func NewService(catalog *Catalog, s Stores, clock Clock) *Service {
	return &Service{
		Catalog:        catalog,
		SearchProducts: NewSearchProducts(catalog),
		GetProduct:     NewGetProduct(catalog, s.Products),
		Categories:     NewCategories(catalog),
		ListWishlist:   NewListWishlist(s.Wishlist, catalog, s.Products),
		PutWish:        NewPutWish(s.Wishlist, clock),
		DeleteWish:     NewDeleteWish(s.Wishlist),
		GetCart:        NewGetCart(s.Carts),
		AddToCart:      NewAddToCart(s.Carts, clock),
		UpdateCartItem: NewUpdateCartItem(s.Carts, clock),
		RemoveCartItem: NewRemoveCartItem(s.Carts),
		PlaceOrder:     NewPlaceOrder(s.Orders, clock),
		ListOrders:     NewListOrders(s.Orders),
		ImportProducts: NewImportProducts(s.Products, catalog),
		ByIngredient:   NewProductsByIngredient(catalog),
		Owned:          NewOwnedIngredients(catalog, s.Ownership, s.Products),
	}
}
