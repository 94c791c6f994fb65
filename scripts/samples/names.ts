import type { Prng } from "../common/prng";

/**
 * Invented names that look like the people and places of each region. No name here stands for a
 * real person; village names are made of syllables common in place names of the region.
 */

export interface NamePool {
  readonly families: readonly string[];
  readonly maleMiddles: readonly string[];
  readonly femaleMiddles: readonly string[];
  readonly maleGiven: readonly string[];
  readonly femaleGiven: readonly string[];
  readonly ethnicities: readonly string[];
}

/** Tày and Nùng names of Lạng Sơn. */
export const TAY_NUNG: NamePool = {
  families: ["Hoàng", "Nông", "Lương", "Vi", "Lộc", "Hà", "Triệu", "Chu", "Lăng", "Dương", "Hứa", "Bế", "Đàm", "Lành", "La", "Nguyễn", "Mạc", "Linh"],
  maleMiddles: ["Văn", "Đức", "Minh", "Thanh", "Quang", "Văn"],
  femaleMiddles: ["Thị", "Thị", "Ngọc", "Thu"],
  maleGiven: ["Hòa", "Thủy", "Tuấn", "Thành", "Hùng", "Sơn", "Cường", "Dũng", "Hải", "Quang", "Thắng", "Pháo", "Lìn", "Sầm", "Páo", "Khoa", "Tiến", "Bình", "Hóa", "Thụy", "Chiến", "Lâm", "Tằng", "Vượng"],
  femaleGiven: ["Hoa", "Mai", "Lan", "Hương", "Thúy", "Tuyết", "Nhàn", "Hiền", "Duyên", "Liên", "Hòa", "Thủy", "Phượng", "Nga"],
  ethnicities: ["Tày", "Tày", "Nùng", "Nùng", "Nùng", "Kinh", "Dao"],
};

/** Thái and Mường names of Quan Sơn (Thanh Hóa). */
export const THAI_MUONG: NamePool = {
  families: ["Lương", "Hà", "Phạm", "Vi", "Lò", "Cầm", "Lữ", "Ngân", "Bùi", "Quách", "Đinh", "Hoàng", "Lộc", "Lang"],
  maleMiddles: ["Văn", "Văn", "Đình", "Minh", "Công"],
  femaleMiddles: ["Thị", "Thị", "Ngọc"],
  maleGiven: ["Hòa", "Thủy", "Piếng", "Xuân", "Khăm", "Ón", "Thiêm", "Hặc", "Tuấn", "Lả", "Phong", "Dũng", "Hiên", "Sơn", "Tiến", "Chiêm", "Bảy", "Hóa", "Thụy", "Inh", "Ban"],
  femaleGiven: ["Hiền", "Hạnh", "Xuyến", "Bun", "Ỏn", "Thoa", "Hòa", "Mai", "Lan", "Thúy"],
  ethnicities: ["Thái", "Thái", "Thái", "Mường", "Mường", "Kinh"],
};

/** Mông, Dao and Tày names of Lào Cai. */
export const MONG_DAO_TAY: NamePool = {
  families: ["Giàng", "Sùng", "Vàng", "Thào", "Lý", "Hầu", "Triệu", "Bàn", "Tẩn", "Phùn", "Đặng", "Hoàng", "Nông", "La", "Lương", "Vũ"],
  maleMiddles: ["A", "Seo", "Văn", "Láo", "Văn"],
  femaleMiddles: ["Thị", "Thị", "Mý"],
  maleGiven: ["Páo", "Chứ", "Sử", "Lử", "Chảo", "Lở", "Chàn", "San", "Tuấn", "Hòa", "Thủy", "Dín", "Sình", "Phử", "Quẩy", "Lình", "Hóa"],
  femaleGiven: ["Mỷ", "Dợ", "Sú", "Mai", "Hòa", "Thủy", "Sành", "Lả"],
  ethnicities: ["Mông", "Mông", "Dao", "Dao", "Tày", "Tày", "Kinh"],
};

export interface Person {
  readonly name: string;
  readonly female: boolean;
  readonly ethnicity: string;
}

/** Draws people from a pool, never the same full name twice within one generator. */
export class People {
  private readonly used = new Set<string>();

  constructor(
    private readonly rng: Prng,
    private readonly pool: NamePool,
  ) {}

  next(options: { female?: boolean } = {}): Person {
    const female = options.female ?? this.rng.next() < 0.18;
    for (let attempt = 0; ; attempt++) {
      const family = this.rng.pick(this.pool.families);
      const middle = this.rng.pick(female ? this.pool.femaleMiddles : this.pool.maleMiddles);
      const given = this.rng.pick(female ? this.pool.femaleGiven : this.pool.maleGiven);
      // After many tries, a second middle name keeps the names unique.
      const extra = attempt > 40 ? ` ${this.rng.pick(["Đức", "Minh", "Xuân", "Hồng", "Kim"])}` : "";
      const name = `${family} ${middle}${extra} ${given}`;
      if (this.used.has(name)) continue;
      this.used.add(name);
      return { name, female, ethnicity: this.rng.pick(this.pool.ethnicities) };
    }
  }
}

/** First and second syllables of Tày–Nùng place names (Nà = field, Khuổi = stream, Pác = mouth…). */
const TAY_FIRST = ["Nà", "Khuổi", "Pác", "Bản", "Còn", "Lũng", "Khau", "Phai", "Pò", "Nặm", "Cốc", "Khòn", "Thâm", "Slam"];
const TAY_SECOND = ["Ngà", "Lẹng", "Đeng", "Pàn", "Luông", "Cút", "Tao", "Hin", "Tát", "Thuộc", "Riềng", "Mạ", "Pha", "Chang", "Lùng", "Lầy", "Quang", "Rọ", "Slưa", "Mò", "Nưa", "Phường", "Chầu", "Bó"];

/** Thái place-name syllables of western Thanh Hóa. */
const THAI_NAMES = ["Lầm", "Hiềng", "Na", "Xía", "Chiềng", "Bôn", "Muống", "Ngàm", "Hạ", "Din", "Pọng", "Sộp", "Cang", "Phe", "Poọng", "Mùa", "Khà", "Ché", "Păng", "Sại", "Lốc", "Bàn", "Mí", "Cha Khót", "Cum", "Hang", "Nhài", "Sủa", "Xủm", "Ta Lấu", "Bo", "Khạn", "Na Mèo", "Son", "Pù Ẳng", "Yên", "Tạt", "Lợi", "Mìn", "Máy", "Tong", "Ngàm Pốc", "Chanh", "Phú Nam", "Hao", "Bấu", "Cóc", "Bách", "Sầy", "Ngàm Hạ", "Xuân Hương", "Vạn", "Cha Lung", "Sa Ná", "Pù Cọ", "Hẹ", "Muống Hạ", "Xầy", "Lát", "Na Hồ", "Cúm", "Mốc", "Nà Ọ", "Poọng Hạ", "Pạng", "Cốc Hạ", "Khằm", "Chiềng Lao", "Piềng", "Tà Cóm", "Na Lao", "Sộp Huối", "Khà Hạ", "Bôn Thượng", "Lầm Hạ", "Mùa Xuân", "Ché Lầu", "Xì Xa", "Pha Mằn", "Ngàm Bóng", "Khoong", "Piềng Khoòng", "Chiềng Ban", "Mòng", "Ón", "Tằn", "Páng", "Lách", "Nà Sài", "Bá", "Sắn", "Tình", "Cạn", "Nhỏi"];

/** Mông, Dao and Tày place-name syllables of Lào Cai. */
const LAO_CAI_FIRST = ["Nậm", "Làng", "Bản", "Khe", "Pờ", "Séo", "Sín", "Lùng", "Khuổi", "Nà", "Cốc", "Tả", "Ngải"];
const LAO_CAI_SECOND = ["Chảy", "Ly", "Chải", "Phìn", "Thàng", "Hồ", "Sáng", "Pắc", "Mạ", "Lếch", "Ngầm", "Bó", "Phung", "Cài", "Lầu", "Vai", "Dạo", "Hoa", "Mu", "Khèo", "Pản", "Cọ", "Sán", "Tủng"];

/** Draws place names from syllable lists, unique within one generator. */
export class Places {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Prng) {}

  /** Reserves names given by hand (real names from the articles) so they are not drawn again. */
  reserve(names: readonly string[]): void {
    names.forEach((n) => this.used.add(n));
  }

  tay(): string {
    return this.draw(() => `${this.rng.pick(TAY_FIRST)} ${this.rng.pick(TAY_SECOND)}`);
  }

  thai(): string {
    return this.draw(() => `Bản ${this.rng.pick(THAI_NAMES)}`);
  }

  laoCai(): string {
    return this.draw(() => `${this.rng.pick(LAO_CAI_FIRST)} ${this.rng.pick(LAO_CAI_SECOND)}`);
  }

  private draw(make: () => string): string {
    for (;;) {
      const name = make();
      if (this.used.has(name)) continue;
      this.used.add(name);
      return name;
    }
  }
}
