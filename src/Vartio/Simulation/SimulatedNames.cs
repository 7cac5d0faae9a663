using NodaTime;
using Vartio.Asylum;

namespace Vartio.Simulation;

/// <summary>
/// Who the simulated people are: names common in their countries (as written in Latin letters), and for asylum
/// seekers the nationalities and circumstances of autumn 2023 (DOMAIN §4): most from Syria, Somalia and Yemen,
/// also Iraq, Turkey, Kenya, Morocco, Pakistan, Afghanistan and Egypt; mostly men aged 20–30; some unaccompanied
/// minors; many by bicycle; families and groups. The shares are estimates, not published figures.
/// </summary>
internal static class SimulatedNames
{
    private static readonly string[] RussianSurnames = ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasilev", "Petrov", "Sokolov", "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov", "Egorov", "Pavlov", "Kozlov", "Stepanov", "Nikolaev"];
    private static readonly string[] RussianMen = ["Aleksandr", "Dmitrii", "Maksim", "Sergei", "Andrei", "Aleksei", "Ivan", "Mikhail", "Nikolai", "Pavel", "Artem", "Denis"];
    private static readonly string[] RussianWomen = ["Anna", "Elena", "Olga", "Natalia", "Irina", "Tatiana", "Svetlana", "Iuliia", "Mariia", "Ekaterina", "Daria"];
    private static readonly string[] FinnishSurnames = ["Korhonen", "Virtanen", "Makinen", "Nieminen", "Makela", "Hamalainen", "Laine", "Heikkinen", "Koskinen", "Jarvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen"];
    private static readonly string[] FinnishMen = ["Juha", "Mikko", "Timo", "Jari", "Antti", "Matti", "Pekka", "Janne", "Ville", "Markku"];
    private static readonly string[] FinnishWomen = ["Anne", "Tiina", "Sari", "Paivi", "Maria", "Johanna", "Minna", "Leena", "Anna", "Riikka"];
    private static readonly string[] OtherSurnames = ["Tamm", "Kask", "Melnyk", "Shevchenko", "Muller", "Schmidt", "Berzins", "Andersson", "Johansson", "Smith", "Jones", "Kovalenko"];
    private static readonly string[] OtherMen = ["Martin", "Andrii", "Thomas", "Janis", "Erik", "James", "Oleksandr", "Markus"];
    private static readonly string[] OtherWomen = ["Kristina", "Olena", "Julia", "Laura", "Emma", "Sarah", "Iryna", "Liis"];

    public static (IReadOnlyList<string> Surnames, IReadOnlyList<string> Given) Travellers(string nationality, bool female) => nationality switch
    {
        "RUS" => (RussianSurnames, female ? RussianWomen : RussianMen),
        "FIN" => (FinnishSurnames, female ? FinnishWomen : FinnishMen),
        _ => (OtherSurnames, female ? OtherWomen : OtherMen),
    };

    /// <summary>A Russian woman's surname takes the feminine ending (Ivanov, Ivanova).</summary>
    public static string Feminine(string nationality, string surname) => nationality == "RUS" ? surname + "a" : surname;

    /// <summary>Nationalities of the asylum seekers of autumn 2023, in proportion (the first three the largest groups).</summary>
    private static readonly (string Nationality, double Weight)[] AsylumNationalities =
    [
        ("SYR", 25), ("SOM", 20), ("YEM", 17), ("IRQ", 8), ("TUR", 6), ("KEN", 5), ("MAR", 4), ("PAK", 4), ("AFG", 4), ("EGY", 3),
        ("ETH", 1), ("ERI", 1), ("BGD", 1), ("IRN", 1),
    ];

    private static readonly string[] ArabicMen = ["Ahmed", "Mohammed", "Omar", "Ali", "Hassan", "Khaled", "Youssef", "Ibrahim", "Mahmoud", "Karim", "Tariq", "Samir", "Walid", "Bassam", "Fadi", "Nabil"];
    private static readonly string[] ArabicWomen = ["Fatima", "Aisha", "Mariam", "Noor", "Layla", "Huda", "Rana", "Salma"];
    private static readonly string[] ArabicFamilies = ["Al-Hassan", "Haddad", "Khalil", "Nasser", "Saleh", "Abdullah", "Mansour", "Hamdan", "Darwish", "Aziz", "Qasim", "Othman", "Al-Amin", "Sabri", "Hijazi", "Yousef"];
    private static readonly string[] SomaliMen = ["Abdi", "Mohamed", "Hassan", "Farah", "Abdirahman", "Yusuf", "Ahmed", "Omar", "Mahad", "Liban"];
    private static readonly string[] SomaliWomen = ["Hodan", "Amina", "Ifrah", "Sahra", "Fadumo", "Hawa"];
    private static readonly string[] SomaliFamilies = ["Warsame", "Farah", "Jama", "Ali", "Osman", "Abdi", "Hersi", "Dahir", "Nur", "Aden", "Hirsi", "Samatar"];
    private static readonly string[] TurkishMen = ["Mehmet", "Mustafa", "Emre", "Burak", "Murat", "Ahmet", "Serkan", "Hakan"];
    private static readonly string[] TurkishWomen = ["Elif", "Zeynep", "Ayse", "Merve"];
    private static readonly string[] TurkishFamilies = ["Yilmaz", "Kaya", "Demir", "Celik", "Sahin", "Aydin", "Ozturk", "Arslan"];
    private static readonly string[] SouthAsianMen = ["Imran", "Bilal", "Asad", "Farhan", "Ahmad", "Javed", "Hamid", "Rahim", "Zubair", "Naveed"];
    private static readonly string[] SouthAsianWomen = ["Ayesha", "Sana", "Farzana", "Shabnam"];
    private static readonly string[] SouthAsianFamilies = ["Khan", "Hussain", "Ahmadi", "Rahimi", "Qureshi", "Karimi", "Siddiqui", "Noori"];
    private static readonly string[] EastAfricanMen = ["Daniel", "Samuel", "Kibet", "Otieno", "Tesfaye", "Dawit", "Yonas", "Brian"];
    private static readonly string[] EastAfricanWomen = ["Grace", "Mercy", "Selam", "Hanna"];
    private static readonly string[] EastAfricanFamilies = ["Kiprono", "Odhiambo", "Mwangi", "Tesfaye", "Haile", "Bekele", "Wanjiru", "Gebre"];

    private static (string[] Men, string[] Women, string[] Families) NamesOf(string nationality) => nationality switch
    {
        "SOM" => (SomaliMen, SomaliWomen, SomaliFamilies),
        "TUR" => (TurkishMen, TurkishWomen, TurkishFamilies),
        "PAK" or "AFG" or "BGD" or "IRN" => (SouthAsianMen, SouthAsianWomen, SouthAsianFamilies),
        "KEN" or "ETH" or "ERI" => (EastAfricanMen, EastAfricanWomen, EastAfricanFamilies),
        _ => (ArabicMen, ArabicWomen, ArabicFamilies),
    };

    /// <summary>
    /// The people of one group: a family (parents and children, by car or on foot) for some groups of three or more,
    /// otherwise people travelling together, most of one nationality, mostly men of 20–30, a few unaccompanied
    /// minors of 15–17; a group arrives by one means, most often by bicycle.
    /// </summary>
    public static IEnumerable<ApplicantRequest> Applicants(int size, LocalDate day, Random random)
    {
        var nationality = Pick(random);
        if (size >= 3 && random.Next(10) < 4)
        {
            var (men, women, families) = NamesOf(nationality);
            var family = families[random.Next(families.Length)];
            var by = random.Next(2) == 0 ? "car" : "foot";
            yield return Person(men[random.Next(men.Length)] + " " + family, day.Year - 28 - random.Next(15), nationality, "male", by, false);
            yield return Person(women[random.Next(women.Length)] + " " + family, day.Year - 25 - random.Next(13), nationality, "female", by, false);
            for (var i = 2; i < size; i++)
            {
                var girl = random.Next(2) == 0;
                yield return Person((girl ? women : men)[random.Next((girl ? women : men).Length)] + " " + family, day.Year - random.Next(16), nationality, girl ? "female" : "male", by, false);
            }

            yield break;
        }

        var means = random.Next(100) switch
        {
            < 55 => "bicycle",
            < 80 => "car",
            _ => "foot",
        };
        for (var i = 0; i < size; i++)
        {
            var own = random.Next(10) < 7 ? nationality : Pick(random);
            var (men, women, families) = NamesOf(own);
            var female = random.Next(100) < 12;
            var age = random.Next(100) switch
            {
                < 5 => 15 + random.Next(3),
                < 75 => 20 + random.Next(11),
                < 95 => 31 + random.Next(15),
                _ => 18 + random.Next(2),
            };
            var given = (female ? women : men)[random.Next((female ? women : men).Length)];
            var father = men[random.Next(men.Length)];
            yield return Person($"{given} {father} {families[random.Next(families.Length)]}", day.Year - age, own, female ? "female" : "male", means, unaccompanied: age < 18);
        }
    }

    private static ApplicantRequest Person(string name, int birthYear, string nationality, string sex, string arrivedBy, bool unaccompanied) =>
        new(null, name, null, birthYear, nationality, sex, arrivedBy, null, unaccompanied ? true : null, null);

    private static string Pick(Random random)
    {
        var x = random.NextDouble() * AsylumNationalities.Sum(n => n.Weight);
        foreach (var (nationality, weight) in AsylumNationalities)
        {
            x -= weight;
            if (x < 0)
            {
                return nationality;
            }
        }

        return AsylumNationalities[^1].Nationality;
    }
}
