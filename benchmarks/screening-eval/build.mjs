// Builds the screening evaluation set: eval/list.csv (a watchlist in Vartio's format) and eval/queries.csv
// (people to screen, each with its category and the list entry it should find, or none).
//
//   npm ci && node build.mjs
//
// Deterministic: the same seed gives the same files. Sources:
// - Russian surnames: the npm package russian_name (Cyrillic surname lists); given names and patronymics
//   below are common Russian ones, in Cyrillic.
// - Romanisation: the npm package iuliia (ICAO Doc 9303, BGN/PCGN, GOST 7.79 = ISO 9, MVD 310 French,
//   scientific, Wikipedia); German practice (Duden) and the Ukrainian national system (Cabinet of Ministers
//   resolution 55 of 2010, also used in Ukrainian passports) are written out below from their tables.
// - Arabic names: common Latin spellings of each name, as the Wikipedia article on each given name and
//   family name lists them (e.g. "Muhammad (name)", "Hussein", "Abd al-Rahman"), grouped by hand.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import iuliia from "iuliia";

const require = (p) => JSON.parse(readFileSync(new URL(`./node_modules/${p}`, import.meta.url)));
const surnamesMale = require("russian_name/json/surnames_male.json").map((s) => s.surname);

let seed = 20240515;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const maleNames = "Александр Алексей Анатолий Андрей Антон Аркадий Артём Борис Вадим Валентин Валерий Василий Виктор Виталий Владимир Владислав Вячеслав Геннадий Георгий Глеб Григорий Давид Даниил Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Лев Леонид Максим Матвей Михаил Никита Николай Олег Павел Пётр Роман Руслан Семён Сергей Станислав Степан Тимофей Фёдор Юрий Ярослав".split(" ");
const femaleNames = "Александра Алина Алла Анастасия Анна Валентина Валерия Вера Виктория Галина Дарья Евгения Екатерина Елена Елизавета Жанна Зинаида Зоя Инна Ирина Карина Кира Ксения Лариса Лидия Любовь Людмила Маргарита Марина Мария Надежда Наталья Нина Оксана Ольга Полина Раиса Светлана Софья Тамара Татьяна Ульяна Юлия Яна".split(" ");
// Father's name → patronymic (male, female).
const patronymics = {
  Александр: ["Александрович", "Александровна"], Алексей: ["Алексеевич", "Алексеевна"], Андрей: ["Андреевич", "Андреевна"],
  Борис: ["Борисович", "Борисовна"], Василий: ["Васильевич", "Васильевна"], Виктор: ["Викторович", "Викторовна"],
  Владимир: ["Владимирович", "Владимировна"], Геннадий: ["Геннадьевич", "Геннадьевна"], Григорий: ["Григорьевич", "Григорьевна"],
  Дмитрий: ["Дмитриевич", "Дмитриевна"], Евгений: ["Евгеньевич", "Евгеньевна"], Иван: ["Иванович", "Ивановна"],
  Игорь: ["Игоревич", "Игоревна"], Михаил: ["Михайлович", "Михайловна"], Николай: ["Николаевич", "Николаевна"],
  Олег: ["Олегович", "Олеговна"], Павел: ["Павлович", "Павловна"], Пётр: ["Петрович", "Петровна"],
  Сергей: ["Сергеевич", "Сергеевна"], Юрий: ["Юрьевич", "Юрьевна"],
};

// Russian surname in the female form (Иванов → Иванова, Пушкин → Пушкина, Толстой → Толстая, -ский → -ская).
const feminine = (s) => s.endsWith("ий") || s.endsWith("ой") ? s.slice(0, -2) + (s.endsWith("ский") || s.endsWith("цкий") ? "ая" : "ая")
  : /(ов|ев|ёв|ин|ын)$/.test(s) ? s + "а" : s;

// German practice (Duden): Ж sch, З s, Й i/j, Х ch, Ц z, Ч tsch, Ш sch, Щ schtsch, Ю ju, Я ja, Е je at the
// start of a word or after a vowel, Ё jo (o after ж, ч, ш, щ), В w, Ы y, Ъ and Ь dropped; -ий ends as -i.
const german = (text) => text.split(" ").map((word) => {
  const w = word.toLowerCase();
  let out = "";
  for (let i = 0; i < w.length; i++) {
    const c = w[i], prev = i > 0 ? w[i - 1] : "", start = i === 0 || "аеёиоуыэюяьъ".includes(prev);
    if (c === "и" && w[i + 1] === "й" && i + 2 === w.length) { out += "i"; i++; continue; }
    out += {
      а: "a", б: "b", в: "w", г: "g", д: "d", е: start ? "je" : "e", ё: "жчшщ".includes(prev) ? "o" : "jo", ж: "sch", з: "s",
      и: "i", й: "j", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "ss".length && "аеёиоуыэюя".includes(prev) && "аеёиоуыэюя".includes(w[i + 1] ?? "") ? "ss" : "s",
      т: "t", у: "u", ф: "f", х: "ch", ц: "z", ч: "tsch", ш: "sch", щ: "schtsch", ъ: "", ы: "y", ь: "", э: "e", ю: "ju", я: "ja",
    }[c] ?? c;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}).join(" ");

const russianSystems = {
  icao: (t) => iuliia.translate(t, iuliia.ICAO_DOC_9303),
  bgn: (t) => iuliia.translate(t, iuliia.BGN_PCGN),
  iso9: (t) => iuliia.translate(t, iuliia.GOST_779),
  french: (t) => iuliia.translate(t, iuliia.MVD_310_FR),
  scientific: (t) => iuliia.translate(t, iuliia.SCIENTIFIC),
  wikipedia: (t) => iuliia.translate(t, iuliia.WIKIPEDIA),
  german,
};

// Ukrainian: the national system (KMU 55/2010) and the ICAO table, letter by letter; ye, yi, y, yu, ya at the
// start of a word, ie, i, i, iu, ia elsewhere (KMU); zgh for зг.
const ukrainianNational = (text) => text.split(" ").map((word) => {
  const w = word.toLowerCase();
  let out = "";
  for (let i = 0; i < w.length; i++) {
    const c = w[i], first = i === 0;
    if (c === "з" && w[i + 1] === "г") { out += "zgh"; i++; continue; }
    out += {
      а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: first ? "ye" : "ie", ж: "zh", з: "z", и: "y", і: "i",
      ї: first ? "yi" : "i", й: first ? "y" : "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s",
      т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "", "'": "", ю: first ? "yu" : "iu",
      я: first ? "ya" : "ia",
    }[c] ?? c;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}).join(" ");
// The ICAO Doc 9303 table applied to Ukrainian Cyrillic (Г G, И I, Є IE, Ї I, Й I, Ю IU, Я IA).
const ukrainianIcao = (text) => text.split(" ").map((word) => {
  let out = "";
  for (const c of word.toLowerCase()) {
    out += {
      а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "i", і: "i", ї: "i", й: "i",
      к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch",
      ш: "sh", щ: "shch", ь: "", "'": "", ю: "iu", я: "ia",
    }[c] ?? c;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}).join(" ");
const ukrainianMale = "Андрій Богдан Василь Віктор Віталій Володимир В'ячеслав Григорій Дмитро Євген Іван Ігор Йосип Максим Микола Михайло Олег Олександр Олексій Петро Сергій Степан Тарас Юрій Ярослав".split(" ");
const ukrainianFemale = "Алла Ганна Галина Дарина Євгенія Ірина Катерина Людмила Марія Наталія Оксана Олена Ольга Світлана Софія Тетяна Юлія Яна".split(" ");
const ukrainianSurnames = "Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Бойко Ткачук Савченко Руденко Мельник Лисенко Гончаренко Марченко Мороз Петренко Кравчук Клименко Павленко Савчук Левченко Харченко Гаврилюк Гнатюк Ковальчук Литвиненко Іваненко Яковенко Євтушенко Заїка Гребенюк Дячук Щербак Юрченко Гайдамака Їжакевич Жук Головко".split(" ");

// Arabic names: each group is one name in its common Latin spellings; the first is the list's.
const arabicGiven = [
  ["Muhammad", "Mohammed", "Mohamed", "Mohammad", "Muhammed", "Mohamad"], ["Ahmad", "Ahmed"], ["Hussein", "Husain", "Hussain", "Husayn", "Hosseyn"],
  ["Abdul Rahman", "Abdelrahman", "Abd al-Rahman", "Abdurrahman", "Abdulrahman"], ["Khalid", "Khaled"], ["Omar", "Umar"],
  ["Yusuf", "Youssef", "Yousef", "Yussef"], ["Ibrahim", "Ebrahim", "Brahim"], ["Mustafa", "Moustafa", "Mostafa", "Mustapha"],
  ["Mahmoud", "Mahmud", "Mahmood"], ["Abdullah", "Abdallah", "Abdulla"], ["Tariq", "Tarek", "Tareq", "Tarik"], ["Rashid", "Rasheed", "Rachid"],
  ["Samir", "Sameer"], ["Nasser", "Nasir", "Naser"], ["Walid", "Waleed", "Oualid"], ["Faisal", "Faysal", "Fayçal"], ["Osama", "Usama", "Oussama"],
  ["Hamza", "Hamzah"], ["Ziad", "Ziyad", "Zyad"], ["Yasser", "Yasir", "Yaser"], ["Adel", "Adil"], ["Saeed", "Said", "Saïd"],
  ["Karim", "Kareem"], ["Jamal", "Djamal", "Jamaal"], ["Hassan", "Hasan"], ["Ali", "Aly"], ["Salah", "Salah al-Din", "Salaheddine"].slice(0, 1),
  ["Fatima", "Fatimah", "Fatma"], ["Aisha", "Aicha", "Ayesha", "Aïcha"], ["Maryam", "Mariam", "Meriem"], ["Zainab", "Zeinab", "Zaynab"],
  ["Khadija", "Khadidja", "Khadijah"], ["Layla", "Leila", "Laila"], ["Nour", "Noor", "Nur"],
];
const arabicFamily = [
  ["Al-Masri", "El Masry", "Almasri", "Masri"], ["Haddad", "Hadad"], ["Al-Khoury", "Khoury", "Khouri", "El Khoury"], ["Qasim", "Kassem", "Qassem", "Kasim"],
  ["Darwish", "Darwich", "Derwish"], ["Mansour", "Mansur", "Mansoor"], ["Othman", "Osman", "Uthman", "Usman"], ["Sharif", "Cherif", "Shareef", "Sherif"],
  ["Jaber", "Jabir"], ["Suleiman", "Sulayman", "Soliman", "Sulaiman"], ["Abbas", "Abas"], ["Fahmy", "Fahmi"], ["Hamid", "Hamed"], ["Aziz", "Azziz"],
  ["Al-Najjar", "Najjar", "Nadjar", "El-Naggar"], ["Al-Tikriti", "Tikriti", "El Tikriti"], ["Barakat", "Barakeh"], ["Khalil", "Khaleel"],
  ["Mahfouz", "Mahfuz"], ["Al-Hashimi", "Hashemi", "Al Hashemi", "Hachemi"], ["Saleh", "Salih", "Saleh"], ["Nasrallah", "Nasrallah", "Nasr Allah"],
  ["Yassin", "Yasin", "Yacine"], ["Bakr", "Bakir", "Baker"], ["Habib", "Habeeb"], ["Hamdan", "Hamdane"], ["Zaki", "Zaky"], ["Ismail", "Ismael", "Smail"],
];
const latinFamily = ["Smith", "Johnson", "Müller", "Schmidt", "Dubois", "Martin", "García", "Rossi", "Kowalski", "Nowak", "Virtanen", "Korhonen", "Nieminen", "Andersson", "Jensen", "Novák", "Horváth", "Popescu", "Papadopoulos", "Yılmaz", "Kaya"];
const latinGiven = ["John", "Anna", "Peter", "Maria", "Thomas", "Laura", "Mikko", "Aino", "Jean", "Sophie", "Giovanni", "Giulia", "Jan", "Katarzyna", "Lars", "Ingrid", "Mehmet", "Ayşe", "Nikos", "Eleni"];
const countries = { russian: ["RUS", "BLR", "KAZ"], ukrainian: ["UKR"], arabic: ["SYR", "IRQ", "YEM", "EGY", "MAR", "JOR", "LBN", "SDN"], latin: ["FIN", "DEU", "FRA", "ITA", "POL", "SWE", "TUR", "GRC"] };

const birth = () => {
  const y = 1950 + Math.floor(random() * 55), m = 1 + Math.floor(random() * 12), d = 1 + Math.floor(random() * 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
};
const asGiven = (date, r = random()) => (r < 0.6 ? date : r < 0.85 ? date.slice(0, 4) : "");

const entries = [];
const queries = [];
let nextId = 1;
const addEntry = (name, aliases, birthDate, nationality, region) => {
  const id = `E${String(nextId++).padStart(5, "0")}`;
  entries.push({ id, name, aliases, birthDate, nationality, region });
  return entries[entries.length - 1];
};
const query = (category, name, birthDate, nationality, expected) => queries.push({ category, name, birthDate, nationality, expected: expected ?? "" });

// Russian persons: given name, patronymic, surname; written on the list in Cyrillic or in a Latin system.
const russianPerson = () => {
  const male = chance(0.55);
  const surname = pick(surnamesMale);
  const father = pick(Object.keys(patronymics));
  return {
    given: pick(male ? maleNames : femaleNames),
    patronymic: patronymics[father][male ? 0 : 1],
    surname: male ? surname : feminine(surname),
    male,
  };
};
const listSystems = ["cyrillic", "icao", "bgn"];
const querySystems = ["icao", "bgn", "iso9", "french", "scientific", "wikipedia", "german"];
const write = (system, text) => (system === "cyrillic" ? text : russianSystems[system](text));
const fullRussian = (p) => `${p.given} ${p.patronymic} ${p.surname}`;

const russians = [];
for (let i = 0; i < 400; i++) {
  const p = russianPerson();
  const system = pick(listSystems);
  const listName = system === "cyrillic" ? `${p.surname} ${p.given} ${p.patronymic}` : write(system, `${p.given} ${p.patronymic} ${p.surname}`);
  p.entry = addEntry(listName, chance(0.3) ? [write(pick(["icao", "bgn"]), `${p.given} ${p.surname}`)] : [], birth(), pick(countries.russian), "russian");
  p.listSystem = system;
  russians.push(p);
}

for (const p of russians.slice(0, 300)) {
  const system = pick(querySystems.filter((s) => s !== p.listSystem));
  const text = chance(0.5) ? `${p.given} ${p.surname}` : chance(0.5) ? `${p.surname} ${p.given}` : fullRussian(p);
  query("cross-romanisation (Russian)", write(system, text), asGiven(p.entry.birthDate), chance(0.5) ? p.entry.nationality : "", p.entry.id);
}
for (const p of russians.slice(300, 400)) {
  // Another person: same surname, another given name of the same sex, same birth date.
  const other = pick((p.male ? maleNames : femaleNames).filter((n) => n !== p.given && n[0] !== p.given[0]));
  query("cross-romanisation (Russian)", write(pick(querySystems), `${other} ${p.surname}`), p.entry.birthDate, p.entry.nationality, "");
}

// Ukrainian persons: listed in Cyrillic or the ICAO table; the passport in the national system.
const ukrainians = [];
for (let i = 0; i < 120; i++) {
  const male = chance(0.55);
  const p = { given: pick(male ? ukrainianMale : ukrainianFemale), surname: pick(ukrainianSurnames), male };
  const cyrillic = chance(0.5);
  const listName = cyrillic ? `${p.surname} ${p.given}` : ukrainianIcao(`${p.given} ${p.surname}`);
  p.entry = addEntry(listName, [], birth(), "UKR", "ukrainian");
  ukrainians.push(p);
}
for (const p of ukrainians.slice(0, 90)) {
  query("cross-romanisation (Ukrainian)", ukrainianNational(chance(0.5) ? `${p.surname} ${p.given}` : `${p.given} ${p.surname}`), asGiven(p.entry.birthDate), chance(0.5) ? "UKR" : "", p.entry.id);
}
for (const p of ukrainians.slice(90)) {
  const other = pick((p.male ? ukrainianMale : ukrainianFemale).filter((n) => n !== p.given && n[0] !== p.given[0]));
  query("cross-romanisation (Ukrainian)", ukrainianNational(`${other} ${p.surname}`), p.entry.birthDate, "UKR", "");
}

// Arabic persons: given name, father's name, family name; the list uses the first spelling of each, the
// query another spelling of each part (or the same where the name has one spelling).
const arabs = [];
for (let i = 0; i < 250; i++) {
  const male = chance(0.75);
  const givenGroups = male ? arabicGiven.slice(0, 28) : arabicGiven.slice(28);
  const p = { given: pick(givenGroups), father: pick(arabicGiven.slice(0, 28)), family: pick(arabicFamily) };
  p.entry = addEntry(`${p.given[0]} ${p.father[0]} ${p.family[0]}`, [], birth(), pick(countries.arabic), "arabic");
  arabs.push(p);
}
const other = (group) => (group.length > 1 ? pick(group.slice(1)) : group[0]);
for (const p of arabs.slice(0, 180)) {
  const withFather = chance(0.5);
  const name = withFather ? `${other(p.given)} ${other(p.father)} ${other(p.family)}` : `${other(p.given)} ${other(p.family)}`;
  query("Arabic spellings", name, asGiven(p.entry.birthDate), chance(0.5) ? p.entry.nationality : "", p.entry.id);
}
for (const p of arabs.slice(180)) {
  // Another person of the same family: another given name, same birth date.
  const given = pick(arabicGiven.filter((g) => g !== p.given && g !== p.father));
  query("Arabic spellings", `${other(given)} ${other(p.family)}`, p.entry.birthDate, p.entry.nationality, "");
}

// Latin-script persons, to fill the list with names from elsewhere.
for (let i = 0; i < 300; i++) {
  addEntry(`${pick(latinGiven)} ${pick(latinFamily)}${chance(0.3) ? "-" + pick(latinFamily) : ""}`, [], birth(), pick(countries.latin), "latin");
}

// Typos: one edit in one part of five letters or more, on the list's own Latin spelling (or ICAO).
const latinOf = (e) => (/[а-яёіїєґ]/i.test(e.name) ? iuliia.translate(e.name, iuliia.ICAO_DOC_9303) : e.name);
const typo = (word) => {
  const i = 1 + Math.floor(random() * (word.length - 2));
  const letters = "abcdefghiklmnoprstuvyz";
  switch (Math.floor(random() * 4)) {
    case 0: return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // transposition
    case 1: return word.slice(0, i) + word.slice(i + 1); // deletion
    case 2: return word.slice(0, i) + pick(letters) + word.slice(i); // insertion
    default: return word.slice(0, i) + pick(letters.replace(word[i], "")) + word.slice(i + 1); // substitution
  }
};
const people = entries.filter((e) => e.region !== "ukrainian");
for (let i = 0; i < 200; i++) {
  const e = pick(people);
  const words = latinOf(e).split(" ");
  const long = words.map((w, j) => j).filter((j) => words[j].length >= 5);
  if (long.length === 0) continue;
  const j = pick(long);
  words[j] = typo(words[j]);
  query("typos", words.join(" "), asGiven(e.birthDate), "", e.id);
}
for (let i = 0; i < 70; i++) {
  // Negatives: a typo'd given name on another surname of the same region.
  const e = pick(people);
  const f = pick(people.filter((x) => x.region === e.region && x !== e));
  const a = latinOf(e).split(" "), b = latinOf(f).split(" ");
  const surname = b[b.length - 1];
  if (a[a.length - 1] === surname || a[0] === b[0] || surname.includes("-")) continue;
  // Not a negative if someone on the list has that given name and that surname.
  if (entries.some((x) => latinOf(x).split(" ").includes(a[0]) && latinOf(x).split(" ").includes(surname))) continue;
  query("typos", `${typo(a[0].length >= 5 ? a[0] : a[0] + "a")} ${b[b.length - 1]}`, e.birthDate, "", "");
}

// Dropped and reordered parts, MRZ style: surname first, given names dropped or kept.
for (const p of russians.slice(0, 120)) {
  const icao = (t) => russianSystems.icao(t).toUpperCase();
  const forms = [`${icao(p.surname)}<<${icao(p.given)}`, `${icao(p.surname)} ${icao(p.given)} ${icao(p.patronymic)}`, `${icao(p.patronymic)} ${icao(p.given)} ${icao(p.surname)}`];
  query("dropped and reordered parts", pick(forms), asGiven(p.entry.birthDate), "", p.entry.id);
}
for (const p of arabs.slice(0, 80)) {
  query("dropped and reordered parts", chance(0.5) ? `${p.family[0]}, ${p.given[0]}` : `${p.given[0]} ${p.family[0]}`, asGiven(p.entry.birthDate), "", p.entry.id);
}
for (const p of russians.slice(300, 360)) {
  // Negatives: the surname alone is not enough when the given names differ.
  const given = pick((p.male ? maleNames : femaleNames).filter((n) => n !== p.given && n[0] !== p.given[0]));
  query("dropped and reordered parts", `${russianSystems.icao(p.surname).toUpperCase()}<<${russianSystems.icao(given).toUpperCase()}`, p.entry.birthDate, "", "");
}

// Initials: the given name reduced to its first letter.
for (const p of russians.slice(120, 240)) {
  const system = pick(querySystems);
  const given = write(system, p.given);
  query("initials", chance(0.5) ? `${given[0]}. ${write(system, p.surname)}` : `${write(system, p.surname)} ${given[0]}.`, p.entry.birthDate, "", p.entry.id);
}
for (const p of russians.slice(340, 400)) {
  // Negatives: the initial of another given name.
  const given = pick((p.male ? maleNames : femaleNames).filter((n) => n[0] !== p.given[0]));
  query("initials", `${russianSystems.icao(given)[0]}. ${russianSystems.icao(p.surname)}`, p.entry.birthDate, "", "");
}

const csv = (value) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
mkdirSync(new URL("./eval/", import.meta.url), { recursive: true });
writeFileSync(new URL("./eval/list.csv", import.meta.url),
  "id,kind,name,aliases,birth_date,nationalities,documents,reason,valid_from,valid_until\n" +
  entries.map((e) => [e.id, "refusal-of-entry", e.name, e.aliases.join(";"), e.birthDate, e.nationality, "", `evaluation (${e.region})`, "", ""].map(csv).join(",")).join("\n") + "\n");
writeFileSync(new URL("./eval/queries.csv", import.meta.url),
  "category,name,birth_date,nationality,expected\n" +
  queries.map((q) => [q.category, q.name, q.birthDate, q.nationality, q.expected].map(csv).join(",")).join("\n") + "\n");
const counts = {};
for (const q of queries) counts[q.category] = (counts[q.category] ?? 0) + 1;
console.log(`${entries.length} list entries, ${queries.length} queries`, counts);
