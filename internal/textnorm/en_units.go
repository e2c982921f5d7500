package textnorm

import (
	"strings"
	"sync"
)

// enUnits are the units of measure by symbol, case-sensitive where case
// tells them apart (mW milliwatt, MW megawatt; Mb megabit, MB megabyte):
// singular and plural names.
var enUnits = buildUnits()

// siUnits are the SI and common metric units that take prefixes.
var siUnits = map[string][2]string{
	"m": {"meter", "meters"}, "g": {"gram", "grams"}, "s": {"second", "seconds"}, "l": {"liter", "liters"}, "L": {"liter", "liters"},
	"W": {"watt", "watts"}, "Wh": {"watt hour", "watt hours"}, "V": {"volt", "volts"}, "A": {"ampere", "amperes"},
	"Hz": {"hertz", "hertz"}, "J": {"joule", "joules"}, "N": {"newton", "newtons"}, "Pa": {"pascal", "pascals"},
	"B": {"byte", "bytes"}, "b": {"bit", "bits"}, "bps": {"bit per second", "bits per second"}, "Ah": {"ampere hour", "ampere hours"},
	"t": {"tonne", "tonnes"}, "cal": {"calorie", "calories"}, "bar": {"bar", "bars"}, "Gy": {"gray", "grays"}, "Sv": {"sievert", "sieverts"},
	"Bq": {"becquerel", "becquerels"}, "mol": {"mole", "moles"}, "lm": {"lumen", "lumens"}, "lx": {"lux", "lux"}, "F": {"farad", "farads"},
	"Ω": {"ohm", "ohms"}, "VA": {"volt ampere", "volt amperes"}, "eV": {"electronvolt", "electronvolts"},
}

var siPrefixes = map[string]string{"n": "nano", "µ": "micro", "μ": "micro", "u": "micro", "m": "milli", "c": "centi", "d": "deci",
	"k": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta", "h": "hecto"}

// prefixed lists the prefixes each unit is written with in practice.
var prefixed = map[string]string{
	"m": "nµμumcdk", "g": "nµμumck", "s": "nµμum", "l": "mcd", "L": "mcd", "W": "mkMGT", "Wh": "kMGT", "V": "mkM", "A": "mk",
	"Hz": "kMGT", "J": "kMG", "N": "k", "Pa": "hkMG", "B": "kMGTP", "b": "kMGT", "bps": "kMGT", "Ah": "m", "t": "k", "cal": "k",
	"bar": "m", "Gy": "m", "Sv": "mµμ", "Bq": "kMG", "mol": "m", "Ω": "kM", "VA": "kM", "eV": "kMGT",
}

func buildUnits() map[string][2]string {
	u := map[string][2]string{}
	for sym, names := range siUnits {
		u[sym] = names
		for _, p := range prefixed[sym] {
			ps := string(p)
			u[ps+sym] = [2]string{siPrefixes[ps] + names[0], siPrefixes[ps] + names[1]}
		}
	}
	// A rate's change in hundredths of a percent: "25 bps", "50 bp".
	// Bits per second are written with a prefix ("100 Mbps"); bare, the
	// abbreviation is the markets' basis points.
	u["bps"] = [2]string{"basis point", "basis points"}
	u["bp"] = [2]string{"basis point", "basis points"}
	// Prefixes that read as one word in English usage.
	for k, v := range map[string][2]string{
		"kWh": {"kilowatt hour", "kilowatt hours"}, "MWh": {"megawatt hour", "megawatt hours"}, "GWh": {"gigawatt hour", "gigawatt hours"},
		"TWh": {"terawatt hour", "terawatt hours"}, "mAh": {"milliampere hour", "milliampere hours"},
		"Kbps": {"kilobit per second", "kilobits per second"}, "kbps": {"kilobit per second", "kilobits per second"},
		"Mbps": {"megabit per second", "megabits per second"}, "Gbps": {"gigabit per second", "gigabits per second"},
		"KB": {"kilobyte", "kilobytes"}, "kB": {"kilobyte", "kilobytes"}, "Kb": {"kilobit", "kilobits"},
	} {
		u[k] = v
	}
	for k, v := range map[string][2]string{
		// Squares and cubes, written with superscripts or digits.
		"m²": {"square meter", "square meters"}, "m2": {"square meter", "square meters"}, "km²": {"square kilometer", "square kilometers"},
		"km2": {"square kilometer", "square kilometers"}, "cm²": {"square centimeter", "square centimeters"}, "cm2": {"square centimeter", "square centimeters"},
		"mm²": {"square millimeter", "square millimeters"}, "mm2": {"square millimeter", "square millimeters"},
		"m³": {"cubic meter", "cubic meters"}, "m3": {"cubic meter", "cubic meters"}, "km³": {"cubic kilometer", "cubic kilometers"},
		"cm³": {"cubic centimeter", "cubic centimeters"}, "cm3": {"cubic centimeter", "cubic centimeters"}, "mm³": {"cubic millimeter", "cubic millimeters"},
		"ft²": {"square foot", "square feet"}, "ft2": {"square foot", "square feet"}, "sq ft": {"square foot", "square feet"},
		"sq. ft.": {"square foot", "square feet"}, "sqft": {"square foot", "square feet"}, "sq m": {"square meter", "square meters"},
		"sq km": {"square kilometer", "square kilometers"}, "sq mi": {"square mile", "square miles"}, "mi²": {"square mile", "square miles"},
		"ft³": {"cubic foot", "cubic feet"}, "in²": {"square inch", "square inches"},
		// Imperial and US customary.
		"ft": {"foot", "feet"}, "yd": {"yard", "yards"}, "mi": {"mile", "miles"}, "lb": {"pound", "pounds"}, "lbs": {"pound", "pounds"},
		"oz": {"ounce", "ounces"}, "fl oz": {"fluid ounce", "fluid ounces"}, "gal": {"gallon", "gallons"}, "qt": {"quart", "quarts"},
		"tbsp": {"tablespoon", "tablespoons"}, "tsp": {"teaspoon", "teaspoons"},
		"ac": {"acre", "acres"}, "nmi": {"nautical mile", "nautical miles"}, "psi": {"psi", "psi"},
		"mph": {"mile per hour", "miles per hour"}, "mpg": {"mile per gallon", "miles per gallon"}, "kn": {"knot", "knots"},
		"hp": {"horsepower", "horsepower"}, "bhp": {"brake horsepower", "brake horsepower"}, "rpm": {"revolution per minute", "revolutions per minute"},
		// Speed, time, area, temperature, ratios.
		"km/h": {"kilometer per hour", "kilometers per hour"}, "kmh": {"kilometer per hour", "kilometers per hour"},
		"kph": {"kilometer per hour", "kilometers per hour"}, "m/s": {"meter per second", "meters per second"},
		"km/s": {"kilometer per second", "kilometers per second"}, "ft/s": {"foot per second", "feet per second"},
		"min": {"minute", "minutes"}, "mins": {"minute", "minutes"}, "h": {"hour", "hours"}, "hr": {"hour", "hours"}, "hrs": {"hour", "hours"},
		"sec": {"second", "seconds"}, "secs": {"second", "seconds"}, "yrs": {"year", "years"}, "wks": {"week", "weeks"},
		"ha": {"hectare", "hectares"}, "cc": {"CC", "CC"}, "°C": {"degree Celsius", "degrees Celsius"}, "°F": {"degree Fahrenheit", "degrees Fahrenheit"},
		"° C": {"degree Celsius", "degrees Celsius"}, "° F": {"degree Fahrenheit", "degrees Fahrenheit"}, "℃": {"degree Celsius", "degrees Celsius"},
		"℉": {"degree Fahrenheit", "degrees Fahrenheit"}, "°": {"degree", "degrees"}, "º": {"degree", "degrees"},
		"%": {"percent", "percent"}, "‰": {"per mille", "per mille"}, "pct": {"percent", "percent"}, "bp": {"basis point", "basis points"},
		"dB": {"decibel", "decibels"}, "GW": {"gigawatt", "gigawatts"}, "Nm": {"newton meter", "newton meters"},
		"ppm": {"part per million", "parts per million"}, "ppb": {"part per billion", "parts per billion"},
		"mmHg": {"millimeter of mercury", "millimeters of mercury"}, "kcal": {"kilocalorie", "kilocalories"},
	} {
		u[k] = v
	}
	// Seconds said by their prefix alone would be ambiguous with other
	// words ("ms" is also a title); keep the common ones.
	delete(u, "cs")
	delete(u, "ds")
	delete(u, "ns")
	u["ns"] = [2]string{"nanosecond", "nanoseconds"}
	delete(u, "us") // microseconds, or "us"
	delete(u, "ul")
	delete(u, "b")  // "3 b" is more often a scale than a bit
	delete(u, "B")  // "0.1 B": a scale too
	delete(u, "A")  // "grade 5 A", "1 A" is seldom an ampere in news
	delete(u, "N")  // a direction or a name
	delete(u, "F")  // Fahrenheit without its degree sign, or a grade
	delete(u, "V")  // a roman numeral
	delete(u, "t")  // "5 t" is rarely tonnes in text
	delete(u, "L")  // a name's initial
	delete(u, "l")  // one
	delete(u, "ml") // ok below
	u["ml"] = [2]string{"milliliter", "milliliters"}
	u["mL"] = [2]string{"milliliter", "milliliters"}
	u["l"] = [2]string{"liter", "liters"}
	return u
}

// enUnitsFolded are the units whose upper- or lower-case spelling is
// unambiguous ("12KG", "1 MBPS").
var enUnitsFolded = sync.OnceValue(func() map[string][2]string {
	counts := map[string]int{}
	for k := range enUnits {
		counts[strings.ToLower(k)]++
	}
	out := map[string][2]string{}
	for k, v := range enUnits {
		if lk := strings.ToLower(k); counts[lk] == 1 && len([]rune(lk)) >= 2 {
			out[lk] = v
		}
	}
	// Where case tells units apart, the usual one in lower case.
	out["mbps"] = enUnits["Mbps"]
	out["gbps"] = enUnits["Gbps"]
	out["kwh"] = enUnits["kWh"]
	out["mw"] = enUnits["MW"]
	out["kw"] = enUnits["kW"]
	out["gw"] = enUnits["GW"]
	return out
})

// enUnit names a unit as written.
func enUnit(u string) (one, many string, ok bool) {
	if v, ok := enUnits[u]; ok {
		return v[0], v[1], true
	}
	if v, ok := enUnitsFolded()[strings.ToLower(u)]; ok {
		return v[0], v[1], true
	}
	return "", "", false
}

// enUnitPattern matches what may be a unit's symbol: a run of letters
// with a square or cube, a degree sign with its scale, a percent sign, or
// the two-word forms ("sq ft"). enUnit decides whether it is one; a
// pattern of every unit's name would make the regexp engine try them all
// at every number.
func enUnitPattern() string {
	return `sq\.? ?(?:ft|m|km|mi)\.?|fl\.? ?oz|°\s?[CFcf]\b|[°º][CFcf]?|[℃℉%‰]|[\p{L}µμΩ]+[23²³]?(?:/[\p{L}]+[²³]?)?`
}

// enUnitPer names a unit written as a quotient after a number ("mg/L",
// "m/s²", "kWh/m²"), where the table does not: the first unit as
// counted, "per", the second as one. After a quotient's slash a symbol
// is a unit even when alone it is too often a name or a word to be read
// as one ("L", "A").
func enUnitPer(u string) (one, many string, ok bool) {
	top, bottom, found := strings.Cut(u, "/")
	if !found {
		return "", "", false
	}
	one, many, ok = enUnit(top)
	if !ok {
		return "", "", false
	}
	per, ok := enUnitAfterSlash(bottom)
	if !ok {
		return "", "", false
	}
	return one + " per " + per, many + " per " + per, true
}

// enUnitAfterSlash names the unit after a quotient's slash, in the
// singular, squared or cubed as its superscript says.
func enUnitAfterSlash(u string) (string, bool) {
	if one, _, ok := enUnit(u); ok {
		return one, true
	}
	power := ""
	switch {
	case strings.HasSuffix(u, "²"):
		u, power = strings.TrimSuffix(u, "²"), " squared"
	case strings.HasSuffix(u, "³"):
		u, power = strings.TrimSuffix(u, "³"), " cubed"
	}
	if one, _, ok := enUnit(u); ok {
		return one + power, true
	}
	if names, ok := siUnits[u]; ok {
		return names[0] + power, true
	}
	if per, ok := enPer[strings.ToLower(u)]; ok && power == "" {
		return per, true // "mg/day", "lbs/month"
	}
	for p, prefix := range siPrefixes {
		if names, ok := siUnits[strings.TrimPrefix(u, p)]; ok && strings.HasPrefix(u, p) && strings.Contains(prefixed[strings.TrimPrefix(u, p)], p) {
			return prefix + names[0] + power, true
		}
	}
	return "", false
}

// enUnitWords are units written out, which follow a number with a hyphen
// ("a 7.2-millimeter bullet").
const enUnitWords = `(?:milli|centi|kilo|micro|nano)?(?:meters?|metres?|grams?|liters?|litres?|seconds?|watts?)|miles?|feet|foot|inch(?:es)?|yards?|pounds?|ounces?|tons?|tonnes?|gallons?|acres?|hectares?|degrees?|percent|hours?|minutes?|yrs?|hrs?|wks?|mos?`
