namespace Livelihood.Web.Platform.BenchData;

/// <summary>
/// Words the benchmark data is made of: northern Thai given names, surnames and nicknames, village names, the trades
/// taught and their products. Enough variety that a name search finds tens of people, not thousands or none.
/// </summary>
internal static class BenchWords
{
    public static readonly string[] WomenNames =
    [
        "มาลี", "สมศรี", "บัวคำ", "จันทร์เพ็ญ", "พิมพ์ชนก", "กาญจนา", "อรุณี", "สุดารัตน์", "นภัสสร", "ปวีณา", "ศิริพร", "วันเพ็ญ",
        "ดวงใจ", "คำแปง", "แสงเดือน", "บุษบา", "ประภาพร", "รัตนา", "อำไพ", "จิราพร", "ลำดวน", "เกศินี", "ธิดารัตน์", "สายสุนีย์",
        "ปิยะนุช", "วิไลวรรณ", "อัมพร", "ทองใบ", "บัวแก้ว", "นงลักษณ์", "สุภาพร", "ชุติมา", "กมลชนก", "ณัฐธิดา", "เพ็ญศรี", "ศศิธร",
    ];

    public static readonly string[] MenNames =
    [
        "สมชาย", "ประเสริฐ", "บุญมา", "อนุชา", "ธนากร", "วีระพงษ์", "ณัฐวุฒิ", "คำปัน", "สุริยา", "กิตติศักดิ์", "ศุภชัย", "อินทร",
        "จักรพันธ์", "ชัยวัฒน์", "สมบัติ", "ทองดี", "ปรีชา", "วิชัย", "อภิชาติ", "ธีรพงษ์", "สุทธิพงษ์", "นพดล", "พงศกร", "เอกชัย",
        "ก้องเกียรติ", "ภานุวัฒน์", "สิทธิชัย", "อุดม", "บุญเลิศ", "คำอ้าย",
    ];

    public static readonly string[] Surnames =
    [
        "ใจดี", "คำมา", "ทองคำ", "แก้วใส", "ศรีวงศ์", "อินทรสุข", "ปัญญาดี", "จันทร์แก้ว", "บุญเรือง", "สุวรรณ", "ไชยวงศ์", "ธรรมใจ",
        "คำปวง", "ต๊ะแก้ว", "แสนคำ", "อุดมสุข", "วงศ์ใหญ่", "ปินตา", "ยาวิเลิศ", "กันทา", "อินต๊ะ", "สุยะ", "ธิวงศ์", "คำแสน",
        "ศรีจันทร์", "มูลเมือง", "ไชยมงคล", "ทาแก้ว", "จันทร์ตา", "วรรณคำ", "ปาลี", "เขื่อนแก้ว", "ใจมา", "หน่อแก้ว", "อ้ายวงศ์",
        "แสงทอง", "บุญยืน", "สิทธิวงศ์", "นันทะ", "ดวงแก้ว", "พรหมมา", "คำลือ", "อุ่นเรือน", "ชัยลังกา", "ตาคำ", "กาวิละ",
    ];

    public static readonly string[] Nicknames =
    [
        "แดง", "น้อย", "นก", "ปุ๊", "ต้อม", "แก้ว", "บี", "เอ", "ฝน", "หมิว", "ต่าย", "บอย", "เก่ง", "จ๋า", "ปลา", "มด", "ส้ม", "แนน",
        "โอ๊ต", "ฟ้า", "ปอ", "ตาล", "เบียร์", "แพร", "ต้น", "ไอซ์", "มิ้นท์", "ขวัญ", "ดาว", "หนิง",
    ];

    public static readonly string[] VillageNames =
    [
        "สันป่าม่วง", "ห้วยทราย", "ดอนไชย", "หนองบัว", "ใหม่", "ทุ่งหลวง", "ป่าแดง", "แม่ใส", "ร่องห้า", "ทุ่งกล้วย", "ดอกบัว", "ปางงุ้น",
        "สันติสุข", "แม่ต๋ำ", "ห้วยแก้ว", "บ่อเบี้ย", "ม่วงคำ", "ป่าสัก", "ดงเจน", "หนองหล่ม", "เวียงหงส์", "ท่าข้าม", "สันทราย", "ป่าซาง",
        "น้ำจำ", "โป่งผา", "ห้วยไคร้", "แม่คำ", "ผาช้างน้อย", "สบบง", "ร่องจว้า", "ดอยงาม", "หนองเต่า", "ทุ่งต้นงิ้ว", "บุญเรือง", "ศรีดอนชัย",
    ];

    public static readonly string[] Educations = ["Primary", "LowerSecondary", "UpperSecondary", "Vocational", "None"];

    public static readonly string[] DropoutReasons = ["MovedAway", "Work", "Family", "MarriageOrPregnancy", "LostContact", "Other"];

    /// <summary>Courses: Thai and English name, category, standard hours, assessment required, cohort code prefix.</summary>
    public static readonly (string Th, string En, string Category, int Hours, bool Assessment, string Prefix)[] Courses =
    [
        ("ตัดเย็บเสื้อผ้าเบื้องต้น", "Basic sewing", "Sewing", 150, false, "SEW"),
        ("ทอผ้าไทลื้อ", "Tai Lue weaving", "Weaving", 180, true, "WEA"),
        ("เสริมสวยและตัดผม", "Hairdressing", "Hairdressing", 200, true, "HAI"),
        ("เบเกอรี่", "Bakery", "Bakery", 120, false, "BAK"),
        ("เพาะเห็ดนางฟ้า", "Oyster mushroom farming", "Mushroom farming", 120, false, "MUS"),
        ("ซ่อมรถจักรยานยนต์", "Motorbike repair", "Motorbike repair", 180, true, "MOT"),
        ("นวดแผนไทย", "Thai massage", "Massage", 150, true, "MAS"),
        ("จักสานไม้ไผ่", "Bamboo basketry", "Handicraft", 120, false, "BAM"),
        ("ทำอาหารและขนมไทย", "Thai cooking and sweets", "Cooking", 120, false, "COO"),
        ("ช่างไฟฟ้าในบ้าน", "Home electrics", "Electrics", 180, true, "ELE"),
    ];

    /// <summary>What a producer group of each trade sells: name, unit, usual price in baht.</summary>
    public static readonly (string Trade, (string Name, string Unit, int Baht)[] Products)[] GroupTrades =
    [
        ("ตัดเย็บ", [("เสื้อพื้นเมือง", "ตัว", 350), ("กระเป๋าผ้า", "ใบ", 180), ("ผ้าถุง", "ผืน", 250), ("หน้ากากผ้า", "ชิ้น", 25), ("ย่าม", "ใบ", 150)]),
        ("ทอผ้า", [("ผ้าซิ่นไทลื้อ", "ผืน", 1200), ("ผ้าพันคอ", "ผืน", 300), ("ผ้าขาวม้า", "ผืน", 180), ("ผ้าคลุมไหล่", "ผืน", 450)]),
        ("เห็ด", [("เห็ดนางฟ้าสด", "กิโลกรัม", 80), ("ก้อนเชื้อเห็ด", "ก้อน", 12), ("เห็ดแปรรูป", "ถุง", 45)]),
        ("เบเกอรี่", [("ขนมปัง", "ถุง", 35), ("คุกกี้", "กล่อง", 90), ("เค้กกล้วยหอม", "ชิ้น", 25), ("ขนมเปี๊ยะ", "กล่อง", 120)]),
        ("จักสาน", [("ตะกร้าไม้ไผ่", "ใบ", 220), ("กระติบข้าว", "ใบ", 120), ("โคมไฟไม้ไผ่", "ชิ้น", 480)]),
        ("อาหารแปรรูป", [("น้ำพริกหนุ่ม", "กระปุก", 60), ("แคบหมู", "ถุง", 50), ("ไส้อั่ว", "กิโลกรัม", 280), ("ข้าวแต๋น", "ถุง", 40)]),
    ];

    public static readonly string[] Channels = ["VillageMarket", "ShopOrConsignment", "WholesaleOrder", "Fair", "Online"];
    public static readonly string[] ExpenseCategories = ["Materials", "Transport", "StallFee", "Equipment", "Other"];
    public static readonly string[] PayoutKinds = ["PieceworkWage", "ProfitShare"];
}
