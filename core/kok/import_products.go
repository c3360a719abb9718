package kok

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kokmeal/kokmeal/core/errs"
)

// ImportProducts saves products in bulk, for seeding and admin imports.
type ImportProducts struct {
	products ProductStore
	catalog  *Catalog
}

// NewImportProducts builds the use case.
func NewImportProducts(products ProductStore, catalog *Catalog) ImportProducts {
	return ImportProducts{products: products, catalog: catalog}
}

// ImportProducts validates every product, then saves them all or none,
// replacing products with the same ID (so a seed run may be repeated), and
// reloads the catalogue so this process's searches see them at once.
func (h ImportProducts) ImportProducts(ctx context.Context, ps []Product) error {
	if len(ps) > MaxImport {
		return errs.Field("products", fmt.Sprintf("at most %d per import", MaxImport))
	}
	clean := make([]Product, len(ps))
	seen := make(map[int64]bool, len(ps))
	f := errs.Fields{}
	for i, p := range ps {
		p = normaliseProduct(p)
		checkProduct(f, fmt.Sprintf("products[%d].", i), p)
		if seen[p.ID] {
			f.Add(fmt.Sprintf("products[%d].id", i), "is repeated")
		}
		seen[p.ID] = true
		clean[i] = p
		if len(f) >= 20 {
			break // enough to fix; the rest may wait for the next try
		}
	}
	if err := f.Err(); err != nil {
		return err
	}
	if len(clean) == 0 {
		return nil
	}
	if err := h.products.Import(ctx, clean); err != nil {
		return err
	}
	return h.catalog.Load(ctx)
}

func normaliseProduct(p Product) Product {
	p.Name = text(p.Name)
	p.Brand = text(p.Brand)
	p.Store = text(p.Store)
	p.Category = normaliseCategory(p.Category)
	p.Unit = text(p.Unit)
	p.Ingredient = text(p.Ingredient)
	// Databases keep microseconds in UTC: so does every adapter.
	p.CreatedAt = p.CreatedAt.UTC().Truncate(time.Microsecond)
	return p
}

func checkProduct(f errs.Fields, prefix string, p Product) {
	checkID(f, prefix+"id", p.ID)
	f.Check(p.Name == "", prefix+"name", "is required")
	checkText(f, prefix+"name", p.Name, 200)
	checkText(f, prefix+"brand", p.Brand, 100)
	checkText(f, prefix+"store", p.Store, 100)
	checkText(f, prefix+"unit", p.Unit, 50)
	checkText(f, prefix+"ingredient", p.Ingredient, 50)
	checkText(f, prefix+"category", p.Category, MaxPathChars)
	top, sub, ok := strings.Cut(p.Category, "/")
	f.Check(!ok || top == "" || sub == "" || strings.Contains(sub, "/"), prefix+"category", "must be two levels, like 채소/마늘·양파")
	f.Check(p.Price < 0 || p.Price > MaxPrice, prefix+"price", "must be between 0 and 100000000")
	f.Check(p.DiscountRate < 0 || p.DiscountRate > 90, prefix+"discount_rate", "must be between 0 and 90")
	f.Check(!(p.ReviewScore >= 0 && p.ReviewScore <= 5), prefix+"review_score", "must be between 0 and 5")
	f.Check(p.ReviewCount < 0 || p.ReviewCount > 100_000_000, prefix+"review_count", "must be between 0 and 100000000")
	switch p.Kind {
	case KindIngredient, KindReadyMeal, KindNonFood:
	default:
		f.Add(prefix+"kind", "must be ingredient, ready_meal or non_food")
	}
	f.Check(p.CreatedAt.IsZero() || p.CreatedAt.Year() < 2000 || p.CreatedAt.Year() > 9999, prefix+"created_at", "must be a date between 2000 and 9999")
}
