package export_test

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// A real spreadsheet engine opens the export: LibreOffice converts the CSV
// to xlsx (and back to CSV). No cell may become a formula, amounts must be
// numbers, and text must come back as the text written.

func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui); skipping the spreadsheet check")
	return ""
}

// convert runs a headless conversion of src into dir with the CSV import
// filter set to comma, double quote, UTF-8, from row 1.
func convert(t *testing.T, bin, src, to, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "file://" + filepath.Join(t.TempDir(), "lo-profile")
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--infilter=CSV:44,34,76,1", "--convert-to", to, "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	ext, _, _ := strings.Cut(to, ":")
	res := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+"."+ext)
	if _, statErr := os.Stat(res); err != nil || statErr != nil {
		t.Fatalf("libreoffice --convert-to %s: %v %v\n%s", to, err, statErr, out)
	}
	return res
}

func TestSpreadsheetEvaluatesNoFormula(t *testing.T) {
	bin := soffice(t)
	_, m := hostileStore(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "tx.csv")
	if err := export.WriteFile(src, export.Transactions(m, spend.Filter{})); err != nil {
		t.Fatal(err)
	}
	want := readCSV(t, src)
	sheet := readXLSX(t, convert(t, bin, src, "xlsx", t.TempDir()))
	if sheet.formulas > 0 {
		t.Fatalf("LibreOffice parsed %d cells as formulas", sheet.formulas)
	}
	amountCol := indexOf(want[0], "amount")
	for r := 1; r < len(want); r++ {
		if c := sheet.cell(r, amountCol); !c.number || !sameNumber(c.value, want[r][amountCol]) {
			t.Errorf("row %d amount: %+v, want the number %s", r, c, want[r][amountCol])
		}
		for _, name := range []string{"vendor_name", "description", "vendor_invoice_number"} {
			i := indexOf(want[0], name)
			if c := sheet.cell(r, i); c.number || !sameText(c.value, want[r][i]) {
				t.Errorf("row %d %s: %+v, want the text %q", r, name, c, want[r][i])
			}
		}
	}
	back := readCSV(t, convert(t, bin, src, "csv:Text - txt - csv (StarCalc):44,34,76,1", t.TempDir()))
	for r := range want {
		for i := range want[r] {
			if i < len(back[r]) && !sameText(back[r][i], want[r][i]) && !sameNumber(back[r][i], want[r][i]) &&
				!sameBool(back[r][i], want[r][i]) {
				t.Errorf("row %d col %s: %q came back as %q", r, want[0][i], want[r][i], back[r][i])
			}
		}
	}
}

// sameText allows the one thing a spreadsheet may do to our inert prefix:
// treat the leading quote as its own "this is text" marker and hide it.
func sameText(got, want string) bool {
	return got == want || strings.HasPrefix(want, "'") && got == want[1:]
}

// sameNumber: a number may come back formatted differently (0.00 -> 0).
func sameNumber(got, want string) bool {
	g, err1 := money.Parse(got)
	w, err2 := money.Parse(want)
	return export.IsNumber(want) && err1 == nil && err2 == nil && g == w
}

// sameBool: true/false are read as booleans (TRUE/FALSE), not formulas.
func sameBool(got, want string) bool {
	return (want == "true" || want == "false") && strings.EqualFold(got, want)
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

type xcell struct {
	value  string
	number bool
}

type xsheet struct {
	cells    map[[2]int]xcell
	formulas int
}

func (s xsheet) cell(row, col int) xcell { return s.cells[[2]int{row, col}] }

// readXLSX reads the first sheet of an xlsx: shared strings, cell types,
// and whether any cell holds a formula (<f>).
func readXLSX(t *testing.T, path string) xsheet {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var shared []string
	var sheetXML []byte
	for _, f := range z.File {
		switch f.Name {
		case "xl/sharedStrings.xml":
			shared = readShared(t, f)
		case "xl/worksheets/sheet1.xml":
			sheetXML = readAll(t, f)
		}
	}
	var ws struct {
		Rows []struct {
			Cells []struct {
				Ref  string    `xml:"r,attr"`
				Type string    `xml:"t,attr"`
				F    *struct{} `xml:"f"`
				V    string    `xml:"v"`
				IS   struct {
					T string `xml:"t"`
				} `xml:"is"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(sheetXML, &ws); err != nil {
		t.Fatal(err)
	}
	s := xsheet{cells: map[[2]int]xcell{}}
	for r, row := range ws.Rows {
		for _, c := range row.Cells {
			if c.F != nil {
				s.formulas++
			}
			col := colIndex(c.Ref)
			switch c.Type {
			case "s":
				var i int
				for _, d := range c.V {
					i = i*10 + int(d-'0')
				}
				s.cells[[2]int{r, col}] = xcell{value: shared[i]}
			case "inlineStr":
				s.cells[[2]int{r, col}] = xcell{value: c.IS.T}
			case "str":
				s.cells[[2]int{r, col}] = xcell{value: c.V}
			default:
				s.cells[[2]int{r, col}] = xcell{value: c.V, number: true}
			}
		}
	}
	return s
}

func colIndex(ref string) int {
	n := 0
	for _, ch := range ref {
		if ch < 'A' || ch > 'Z' {
			break
		}
		n = n*26 + int(ch-'A'+1)
	}
	return n - 1
}

func readShared(t *testing.T, f *zip.File) []string {
	var sst struct {
		SI []struct {
			T string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	if err := xml.Unmarshal(readAll(t, f), &sst); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		out[i] = si.T
		for _, r := range si.R {
			out[i] += r.T
		}
	}
	return out
}

func readAll(t *testing.T, f *zip.File) []byte {
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
