// Package koktest holds the contract suites every adapter of the kok ports
// must pass: the in-memory adapter and bun on SQLite, MariaDB and PostgreSQL
// run the very same tests.
package koktest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
	"github.com/kokmeal/kokmeal/core/kok"
)

// Stores is one adapter's stores over the same storage, and a way to make
// a user whose data they may hold (SQL adapters reference the users table).
type Stores struct {
	Products  kok.ProductStore
	Wishlist  kok.WishlistStore
	Carts     kok.CartStore
	Orders    kok.OrderStore
	Ownership kok.OwnershipStore
	NewUser   func(t *testing.T) int64
}

// T0 is the time the suites start from, to the microsecond.
var T0 = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// Product makes a valid product; the name is given, the rest derives from
// the id so that every field differs between products.
func Product(id int64, name string) kok.Product {
	return kok.Product{
		ID: id, Name: name, Brand: "농협", Store: "U+콕 신선관", Category: "채소/마늘·양파", Unit: "1kg",
		Ingredient: "마늘", Price: 1000 * id, DiscountRate: int(id % 50), ReviewScore: 4.5, ReviewCount: int(id * 3),
		Kind: kok.KindIngredient, CreatedAt: T0.Add(time.Duration(id) * time.Minute),
	}
}

// Run runs every contract test against fresh stores from open.
func Run(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("ProductStore", func(t *testing.T) { RunProductStore(t, open) })
	t.Run("WishlistStore", func(t *testing.T) { RunWishlistStore(t, open) })
	t.Run("CartStore", func(t *testing.T) { RunCartStore(t, open) })
	t.Run("OrderStore", func(t *testing.T) { RunOrderStore(t, open) })
	t.Run("OwnershipStore", func(t *testing.T) { RunOwnershipStore(t, open) })
}

func mustImport(t *testing.T, s kok.ProductStore, ps ...kok.Product) {
	t.Helper()
	if err := s.Import(context.Background(), ps); err != nil {
		t.Fatal(err)
	}
}

func sameProduct(a, b kok.Product) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Brand == b.Brand && a.Store == b.Store && a.Category == b.Category &&
		a.Unit == b.Unit && a.Ingredient == b.Ingredient && a.Price == b.Price && a.DiscountRate == b.DiscountRate &&
		a.ReviewScore == b.ReviewScore && a.ReviewCount == b.ReviewCount && a.Kind == b.Kind && a.CreatedAt.Equal(b.CreatedAt)
}

// RunProductStore is the ProductStore contract.
func RunProductStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()

	t.Run("import then read back byte-exact, Korean included", func(t *testing.T) {
		s := open(t).Products
		a := Product(7, "[농협] 국내산 깐마늘 1kg 🧄")
		a.ReviewScore = 4.7
		b := Product(3, "비비고 왕교자 1.05kg")
		b.Kind, b.Ingredient, b.Category = kok.KindReadyMeal, "", "간편식/만두"
		// NFD 한 (ᄒ ᅡ ᆫ) must stay NFD: stores keep bytes, the core normalises.
		c := Product(5, "\u1112\u1161\u11ab우 등심 300g")
		// Characters that quoting, arrays and CSV-like encodings get wrong.
		d := Product(9, `"따옴표" {중괄호}, 쉼표\백슬래시 'single' NULL`)
		d.Brand, d.Ingredient = `{"a":1}`, "NULL"
		mustImport(t, s, a, b, c, d)
		for _, want := range []kok.Product{a, b, c, d} {
			got, err := s.ByID(ctx, want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !sameProduct(got, want) {
				t.Fatalf("read back %+v, want %+v", got, want)
			}
		}
		all, err := s.All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 4 || all[0].ID != 3 || all[1].ID != 5 || all[2].ID != 7 || !sameProduct(all[2], a) {
			t.Fatalf("All answered %+v", all)
		}
	})

	t.Run("unknown id is not found", func(t *testing.T) {
		s := open(t).Products
		if _, err := s.ByID(ctx, 424242); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
	})

	t.Run("import is idempotent by id and replaces", func(t *testing.T) {
		s := open(t).Products
		mustImport(t, s, Product(1, "양파 3kg"), Product(2, "대파 1단"))
		changed := Product(1, "햇양파 3kg")
		changed.Price, changed.DiscountRate = 5990, 10
		mustImport(t, s, changed, Product(2, "대파 1단"))
		all, err := s.All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || !sameProduct(all[0], changed) {
			t.Fatalf("after re-import: %+v", all)
		}
	})

	t.Run("version changes with every import and only then", func(t *testing.T) {
		s := open(t).Products
		v0, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v0.Count != 0 || v0.MaxID != 0 {
			t.Fatalf("empty store version %+v", v0)
		}
		mustImport(t, s, Product(10, "감자 2kg"))
		v1, _ := s.Version(ctx)
		if v1 == v0 || v1.Count != 1 || v1.MaxID != 10 {
			t.Fatalf("after import: %+v (before %+v)", v1, v0)
		}
		again, _ := s.Version(ctx)
		if again != v1 {
			t.Fatalf("version moved without a write: %+v then %+v", v1, again)
		}
		p := Product(10, "감자 2kg")
		p.Price = 3990 // same count and max id: only the revision tells
		mustImport(t, s, p)
		if v2, _ := s.Version(ctx); v2 == v1 {
			t.Fatalf("re-import did not change the version %+v", v2)
		}
	})

	t.Run("a large import lands whole", func(t *testing.T) {
		s := open(t).Products
		ps := make([]kok.Product, 5000)
		for i := range ps {
			ps[i] = Product(int64(i+1), fmt.Sprintf("상품 %d번 국내산 애호박", i+1))
		}
		mustImport(t, s, ps...)
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v.Count != 5000 || v.MaxID != 5000 {
			t.Fatalf("version %+v after 5000", v)
		}
		got, err := s.ByID(ctx, 4321)
		if err != nil || !sameProduct(got, ps[4320]) {
			t.Fatalf("product 4321: %+v, %v", got, err)
		}
	})
}

// RunWishlistStore is the WishlistStore contract.
func RunWishlistStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	setup := func(t *testing.T) (Stores, int64) {
		s := open(t)
		mustImport(t, s.Products, Product(1, "양파"), Product(2, "대파"), Product(3, "마늘"))
		return s, s.NewUser(t)
	}

	t.Run("put is idempotent, list is newest first", func(t *testing.T) {
		s, uid := setup(t)
		for i, pid := range []int64{2, 1, 3} {
			if err := s.Wishlist.PutWish(ctx, uid, pid, T0.Add(time.Duration(i)*time.Second)); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Wishlist.PutWish(ctx, uid, 2, T0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		items, total, err := s.Wishlist.Wishlist(ctx, uid, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if total != 3 || len(items) != 3 || items[0].ProductID != 3 || items[1].ProductID != 1 || items[2].ProductID != 2 {
			t.Fatalf("wishlist %+v total %d", items, total)
		}
		if !items[2].AddedAt.Equal(T0) {
			t.Fatalf("second put moved AddedAt to %v", items[2].AddedAt)
		}
		page, total, err := s.Wishlist.Wishlist(ctx, uid, 1, 1)
		if err != nil || total != 3 || len(page) != 1 || page[0].ProductID != 1 {
			t.Fatalf("page 2 of size 1: %+v total %d err %v", page, total, err)
		}
	})

	t.Run("delete removes, and deleting the absent is fine", func(t *testing.T) {
		s, uid := setup(t)
		if err := s.Wishlist.PutWish(ctx, uid, 1, T0); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := s.Wishlist.DeleteWish(ctx, uid, 1); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Wishlist.DeleteWish(ctx, uid, 999); err != nil {
			t.Fatal(err)
		}
		if items, total, _ := s.Wishlist.Wishlist(ctx, uid, 0, 10); total != 0 || len(items) != 0 {
			t.Fatalf("after delete: %+v", items)
		}
	})

	t.Run("unknown product is not found; users do not share", func(t *testing.T) {
		s, uid := setup(t)
		if err := s.Wishlist.PutWish(ctx, uid, 999, T0); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
		other := s.NewUser(t)
		if err := s.Wishlist.PutWish(ctx, other, 1, T0); err != nil {
			t.Fatal(err)
		}
		if _, total, _ := s.Wishlist.Wishlist(ctx, uid, 0, 10); total != 0 {
			t.Fatalf("user sees another's wishlist: %d", total)
		}
	})
}

func add(n int) func(*kok.CartItem) error {
	return func(it *kok.CartItem) error { it.Quantity += n; return nil }
}

// RunCartStore is the CartStore contract.
func RunCartStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	setup := func(t *testing.T) (Stores, int64) {
		s := open(t)
		mustImport(t, s.Products, Product(1, "국내산 양파 3kg"), Product(2, "대파 1단"))
		return s, s.NewUser(t)
	}

	t.Run("add creates a line, adding again merges into it", func(t *testing.T) {
		s, uid := setup(t)
		var seen kok.CartItem
		it, err := s.Carts.AddToCart(ctx, uid, 2, T0, func(it *kok.CartItem) error { seen = *it; it.Quantity = 2; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if seen.ID != 0 || seen.Quantity != 0 || seen.UserID != uid || seen.ProductID != 2 || !seen.AddedAt.Equal(T0) {
			t.Fatalf("fn saw %+v for a new line", seen)
		}
		if it.ID == 0 || it.Quantity != 2 {
			t.Fatalf("saved %+v", it)
		}
		if _, err := s.Carts.AddToCart(ctx, uid, 1, T0.Add(time.Second), add(1)); err != nil {
			t.Fatal(err)
		}
		again, err := s.Carts.AddToCart(ctx, uid, 2, T0.Add(time.Minute), func(x *kok.CartItem) error { seen = *x; x.Quantity += 3; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if seen.ID != it.ID || seen.Quantity != 2 || again.ID != it.ID || again.Quantity != 5 {
			t.Fatalf("merge saw %+v, saved %+v", seen, again)
		}
		lines, err := s.Carts.CartLines(ctx, uid)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) != 2 || lines[0].Item.ID != it.ID || lines[0].Item.Quantity != 5 || lines[0].Product.Name != "대파 1단" ||
			lines[1].Product.Name != "국내산 양파 3kg" || !lines[0].Item.AddedAt.Equal(T0) {
			t.Fatalf("lines %+v", lines)
		}
	})

	t.Run("fn error writes nothing; unknown product is not found", func(t *testing.T) {
		s, uid := setup(t)
		boom := errors.New("boom")
		if _, err := s.Carts.AddToCart(ctx, uid, 1, T0, func(it *kok.CartItem) error { it.Quantity = 9; return boom }); !errors.Is(err, boom) {
			t.Fatalf("got %v", err)
		}
		if _, err := s.Carts.AddToCart(ctx, uid, 999, T0, add(1)); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("unknown product: %v", err)
		}
		it, err := s.Carts.AddToCart(ctx, uid, 1, T0, add(1))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Carts.UpdateCartItem(ctx, uid, it.ID, func(it *kok.CartItem) error { it.Quantity = 50; return boom }); !errors.Is(err, boom) {
			t.Fatalf("got %v", err)
		}
		lines, _ := s.Carts.CartLines(ctx, uid)
		if len(lines) != 1 || lines[0].Item.Quantity != 1 {
			t.Fatalf("failed fns wrote: %+v", lines)
		}
	})

	t.Run("update and delete touch only the owner's lines", func(t *testing.T) {
		s, uid := setup(t)
		it, err := s.Carts.AddToCart(ctx, uid, 1, T0, add(1))
		if err != nil {
			t.Fatal(err)
		}
		other := s.NewUser(t)
		if _, err := s.Carts.UpdateCartItem(ctx, other, it.ID, add(1)); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("other user's update: %v", err)
		}
		if err := s.Carts.DeleteCartItem(ctx, other, it.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("other user's delete: %v", err)
		}
		got, err := s.Carts.UpdateCartItem(ctx, uid, it.ID, func(x *kok.CartItem) error { x.Quantity = 7; x.UpdatedAt = T0.Add(time.Hour); return nil })
		if err != nil || got.Quantity != 7 || got.ID != it.ID {
			t.Fatalf("update: %+v %v", got, err)
		}
		if err := s.Carts.DeleteCartItem(ctx, uid, it.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.Carts.DeleteCartItem(ctx, uid, it.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("second delete: %v", err)
		}
		if _, err := s.Carts.UpdateCartItem(ctx, uid, 987654, add(1)); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("unknown line: %v", err)
		}
		if lines, _ := s.Carts.CartLines(ctx, uid); len(lines) != 0 {
			t.Fatalf("cart after delete: %+v", lines)
		}
	})

	t.Run("concurrent adds of one product make one line and lose nothing", func(t *testing.T) {
		s, uid := setup(t)
		var wg sync.WaitGroup
		for range 10 {
			wg.Go(func() {
				if _, err := s.Carts.AddToCart(ctx, uid, 1, T0, add(1)); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		lines, err := s.Carts.CartLines(ctx, uid)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) != 1 || lines[0].Item.Quantity != 10 {
			t.Fatalf("lines %+v, want one line of 10", lines)
		}
	})
}

// header is an order header as kok.PlaceOrder makes it.
func header(uid int64, key, fp string) kok.Order {
	return kok.Order{UserID: uid, Status: kok.OrderPlaced, Memo: "문 앞에 놓아 주세요 🙏", IdempotencyKey: key, Fingerprint: fp, PlacedAt: T0}
}

// price fills an order as kok.PlaceOrder does, counting its calls.
func price(calls *atomic.Int32) func(o *kok.Order, lines []kok.CartLine) error {
	return func(o *kok.Order, lines []kok.CartLine) error {
		calls.Add(1)
		if len(lines) == 0 {
			return errs.Field("cart", "is empty")
		}
		o.Lines, o.Total, o.Quantity = nil, 0, 0
		for _, l := range lines {
			ol := kok.OrderLine{ProductID: l.Product.ID, Name: l.Product.Name, Brand: l.Product.Brand, Unit: l.Product.Unit,
				Ingredient: l.Product.Ingredient, Quantity: l.Item.Quantity, Price: l.Product.Price,
				DiscountRate: l.Product.DiscountRate, SalePrice: l.Product.DiscountedPrice()}
			ol.Total = ol.SalePrice * int64(ol.Quantity)
			o.Lines = append(o.Lines, ol)
			o.Total += ol.Total
			o.Quantity += ol.Quantity
		}
		return nil
	}
}

// RunOrderStore is the OrderStore contract.
func RunOrderStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	setup := func(t *testing.T) (Stores, int64) {
		s := open(t)
		mustImport(t, s.Products, Product(1, "국내산 양파 3kg"), Product(2, "[비비고] 왕교자 1.05kg"))
		uid := s.NewUser(t)
		for _, pid := range []int64{2, 1} {
			if _, err := s.Carts.AddToCart(ctx, uid, pid, T0, add(int(pid))); err != nil {
				t.Fatal(err)
			}
		}
		return s, uid
	}

	t.Run("place records the cart at today's prices and empties it", func(t *testing.T) {
		s, uid := setup(t)
		var calls atomic.Int32
		o, replayed, err := s.Orders.PlaceOrder(ctx, header(uid, "k1", "fp1"), price(&calls))
		if err != nil {
			t.Fatal(err)
		}
		if replayed || o.ID == 0 || calls.Load() != 1 || len(o.Lines) != 2 || o.Lines[0].ProductID != 2 || o.Lines[0].Quantity != 2 {
			t.Fatalf("placed %+v replayed=%v", o, replayed)
		}
		want := 2*Product(2, "").DiscountedPrice() + Product(1, "").DiscountedPrice()
		if o.Total != want || o.Quantity != 3 {
			t.Fatalf("total %d quantity %d, want %d and 3", o.Total, o.Quantity, want)
		}
		if lines, _ := s.Carts.CartLines(ctx, uid); len(lines) != 0 {
			t.Fatalf("cart not emptied: %+v", lines)
		}
		// The catalogue changes; history does not.
		dearer := Product(2, "[비비고] 왕교자 1.05kg (리뉴얼)")
		dearer.Price = 99990
		mustImport(t, s.Products, dearer)
		os, total, err := s.Orders.Orders(ctx, uid, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if total != 1 || len(os) != 1 {
			t.Fatalf("orders %+v total %d", os, total)
		}
		g := os[0]
		if g.ID != o.ID || g.Total != o.Total || g.Memo != "문 앞에 놓아 주세요 🙏" || g.Status != kok.OrderPlaced || g.IdempotencyKey != "k1" ||
			g.Fingerprint != "fp1" || !g.PlacedAt.Equal(T0) || g.UserID != uid || g.Quantity != 3 {
			t.Fatalf("listed %+v, placed %+v", g, o)
		}
		if !slices.Equal(g.Lines, o.Lines) || g.Lines[0].Name != "[비비고] 왕교자 1.05kg" {
			t.Fatalf("lines %+v, want %+v", g.Lines, o.Lines)
		}
	})

	t.Run("fill error writes nothing and leaves the key free", func(t *testing.T) {
		s, uid := setup(t)
		boom := errors.New("boom")
		if _, _, err := s.Orders.PlaceOrder(ctx, header(uid, "k", "fp"), func(*kok.Order, []kok.CartLine) error { return boom }); !errors.Is(err, boom) {
			t.Fatalf("got %v", err)
		}
		if lines, _ := s.Carts.CartLines(ctx, uid); len(lines) != 2 {
			t.Fatalf("cart changed by a failed order: %+v", lines)
		}
		if _, total, _ := s.Orders.Orders(ctx, uid, 0, 10); total != 0 {
			t.Fatalf("a failed order was recorded")
		}
		var calls atomic.Int32
		if _, replayed, err := s.Orders.PlaceOrder(ctx, header(uid, "k", "fp2"), price(&calls)); err != nil || replayed {
			t.Fatalf("key not free after a failure: replayed=%v err=%v", replayed, err)
		}
	})

	t.Run("empty cart fails without an order", func(t *testing.T) {
		s := open(t)
		uid := s.NewUser(t)
		var calls atomic.Int32
		if _, _, err := s.Orders.PlaceOrder(ctx, header(uid, "k", "fp"), price(&calls)); !errors.Is(err, errs.ErrInvalid) {
			t.Fatalf("got %v, want ErrInvalid", err)
		}
	})

	t.Run("same key answers the first order without filling again", func(t *testing.T) {
		s, uid := setup(t)
		var calls atomic.Int32
		first, _, err := s.Orders.PlaceOrder(ctx, header(uid, "again", "fp"), price(&calls))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Carts.AddToCart(ctx, uid, 1, T0, add(1)); err != nil {
			t.Fatal(err)
		}
		second, replayed, err := s.Orders.PlaceOrder(ctx, header(uid, "again", "other"), price(&calls))
		if err != nil {
			t.Fatal(err)
		}
		if !replayed || second.ID != first.ID || second.Fingerprint != "fp" || calls.Load() != 1 || !slices.Equal(second.Lines, first.Lines) {
			t.Fatalf("replay answered %+v replayed=%v after %d fills", second, replayed, calls.Load())
		}
		if lines, _ := s.Carts.CartLines(ctx, uid); len(lines) != 1 {
			t.Fatalf("a replay touched the cart: %+v", lines)
		}
		// Another user may use the same key.
		other := s.NewUser(t)
		if _, err := s.Carts.AddToCart(ctx, other, 2, T0, add(1)); err != nil {
			t.Fatal(err)
		}
		o, replayed, err := s.Orders.PlaceOrder(ctx, header(other, "again", "fp"), price(&calls))
		if err != nil || replayed || o.ID == first.ID {
			t.Fatalf("other user's order with the same key: %+v replayed=%v err=%v", o, replayed, err)
		}
	})

	t.Run("50 concurrent requests with one key place exactly one order", func(t *testing.T) {
		s, uid := setup(t)
		var (
			calls, created atomic.Int32
			wg             sync.WaitGroup
			mu             sync.Mutex
			ids            = map[int64]int{}
		)
		for range 50 {
			wg.Go(func() {
				o, replayed, err := s.Orders.PlaceOrder(ctx, header(uid, "burst", "fp"), price(&calls))
				if err != nil {
					t.Errorf("concurrent place: %v", err)
					return
				}
				if !replayed {
					created.Add(1)
				}
				mu.Lock()
				ids[o.ID]++
				mu.Unlock()
			})
		}
		wg.Wait()
		if created.Load() != 1 || len(ids) != 1 {
			t.Fatalf("%d created, order ids %v; want exactly one order", created.Load(), ids)
		}
		if _, total, _ := s.Orders.Orders(ctx, uid, 0, 100); total != 1 {
			t.Fatalf("%d orders recorded, want 1", total)
		}
	})

	t.Run("concurrent orders with different keys never order one cart twice", func(t *testing.T) {
		s, uid := setup(t)
		var (
			calls, ok atomic.Int32
			wg        sync.WaitGroup
		)
		for i := range 8 {
			wg.Go(func() {
				_, _, err := s.Orders.PlaceOrder(ctx, header(uid, fmt.Sprint("key-", i), "fp"), price(&calls))
				switch {
				case err == nil:
					ok.Add(1)
				case !errors.Is(err, errs.ErrInvalid): // the cart was empty by then
					t.Errorf("got %v", err)
				}
			})
		}
		wg.Wait()
		if ok.Load() != 1 {
			t.Fatalf("%d orders of one cart, want 1", ok.Load())
		}
	})

	t.Run("history is newest first and pages", func(t *testing.T) {
		s, uid := setup(t)
		var calls atomic.Int32
		var ids []int64
		for i := range 3 {
			if _, err := s.Carts.AddToCart(ctx, uid, 1, T0, add(1)); err != nil {
				t.Fatal(err)
			}
			h := header(uid, fmt.Sprint("h", i), "fp")
			h.PlacedAt = T0.Add(time.Duration(i) * time.Hour)
			o, _, err := s.Orders.PlaceOrder(ctx, h, price(&calls))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, o.ID)
		}
		os, total, err := s.Orders.Orders(ctx, uid, 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		if total != 3 || len(os) != 1 || os[0].ID != ids[1] || len(os[0].Lines) == 0 {
			t.Fatalf("page 2: %+v total %d (ids %v)", os, total, ids)
		}
		if os, _, _ := s.Orders.Orders(ctx, uid, 0, 10); len(os) != 3 || os[0].ID != ids[2] || os[2].ID != ids[0] {
			t.Fatalf("history order: %+v", os)
		}
		if os, total, _ := s.Orders.Orders(ctx, s.NewUser(t), 0, 10); total != 0 || len(os) != 0 {
			t.Fatalf("another user sees %d orders", total)
		}
	})
}

// RunOwnershipStore is the OwnershipStore contract.
func RunOwnershipStore(t *testing.T, open func(t *testing.T) Stores) {
	ctx := context.Background()
	t.Run("cart and ordered products, distinct", func(t *testing.T) {
		s := open(t)
		mustImport(t, s.Products, Product(1, "양파"), Product(2, "대파"), Product(3, "마늘"), Product(4, "감자"))
		uid, other := s.NewUser(t), s.NewUser(t)
		if ids, err := s.Ownership.OwnedProductIDs(ctx, uid); err != nil || len(ids) != 0 {
			t.Fatalf("new user owns %v (%v)", ids, err)
		}
		for _, pid := range []int64{1, 2} {
			if _, err := s.Carts.AddToCart(ctx, uid, pid, T0, add(1)); err != nil {
				t.Fatal(err)
			}
		}
		var calls atomic.Int32
		if _, _, err := s.Orders.PlaceOrder(ctx, header(uid, "o", "fp"), price(&calls)); err != nil {
			t.Fatal(err)
		}
		for _, pid := range []int64{2, 3} {
			if _, err := s.Carts.AddToCart(ctx, uid, pid, T0, add(1)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Carts.AddToCart(ctx, other, 4, T0, add(1)); err != nil {
			t.Fatal(err)
		}
		ids, err := s.Ownership.OwnedProductIDs(ctx, uid)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, []int64{1, 2, 3}) {
			t.Fatalf("owned %v, want [1 2 3]", ids)
		}
	})
}
