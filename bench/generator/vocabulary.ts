/**
 * Words the synthetic data is made of: the 34 provinces of 1 July 2025, syllables of place names,
 * Vietnamese family, middle and given names, and the spellings clerks use for flags and posts.
 * Everything is NFC as typed on a Vietnamese keyboard; `variants.ts` adds the clerks' variations.
 */

export type Region = "northMountain" | "northDelta" | "central" | "highland" | "south";

export interface ProvinceInfo {
  readonly name: string;
  readonly region: Region;
}

/** The 34 provinces and centrally-run cities after the merger of 1 July 2025. */
export const PROVINCES: readonly ProvinceInfo[] = [
  { name: "Lạng Sơn", region: "northMountain" },
  { name: "Cao Bằng", region: "northMountain" },
  { name: "Lào Cai", region: "northMountain" },
  { name: "Lai Châu", region: "northMountain" },
  { name: "Điện Biên", region: "northMountain" },
  { name: "Sơn La", region: "northMountain" },
  { name: "Tuyên Quang", region: "northMountain" },
  { name: "Thái Nguyên", region: "northMountain" },
  { name: "Phú Thọ", region: "northMountain" },
  { name: "Hà Nội", region: "northDelta" },
  { name: "Quảng Ninh", region: "northDelta" },
  { name: "Bắc Ninh", region: "northDelta" },
  { name: "Hưng Yên", region: "northDelta" },
  { name: "Hải Phòng", region: "northDelta" },
  { name: "Ninh Bình", region: "northDelta" },
  { name: "Thanh Hóa", region: "central" },
  { name: "Nghệ An", region: "central" },
  { name: "Hà Tĩnh", region: "central" },
  { name: "Quảng Trị", region: "central" },
  { name: "Huế", region: "central" },
  { name: "Đà Nẵng", region: "central" },
  { name: "Quảng Ngãi", region: "central" },
  { name: "Khánh Hòa", region: "central" },
  { name: "Gia Lai", region: "highland" },
  { name: "Đắk Lắk", region: "highland" },
  { name: "Lâm Đồng", region: "highland" },
  { name: "Thành phố Hồ Chí Minh", region: "south" },
  { name: "Đồng Nai", region: "south" },
  { name: "Tây Ninh", region: "south" },
  { name: "Cần Thơ", region: "south" },
  { name: "Vĩnh Long", region: "south" },
  { name: "Đồng Tháp", region: "south" },
  { name: "Cà Mau", region: "south" },
  { name: "An Giang", region: "south" },
];

/** Syllables of commune and district names (Sino-Vietnamese, as most official names are). */
export const PLACE_SYLLABLES: readonly string[] = [
  "An", "Bình", "Phú", "Tân", "Hòa", "Hưng", "Yên", "Long", "Thành", "Thạnh", "Phước", "Lộc", "Thuận",
  "Đông", "Tây", "Nam", "Bắc", "Trung", "Sơn", "Hà", "Hải", "Giang", "Xuân", "Thu", "Minh", "Quang",
  "Vĩnh", "Hồng", "Phong", "Văn", "Lập", "Thịnh", "Đức", "Hiệp", "Mỹ", "Khánh", "Lạc", "Cẩm", "Thanh",
  "Kim", "Ngọc", "Châu", "Lâm", "Lương", "Quỳnh", "Cát", "Tiến", "Nghĩa", "Hợp", "Thái", "Định", "Hậu",
  "Lợi", "Điền", "Trường", "Mai", "Đồng", "Quế", "Tứ", "Thượng", "Hạ", "Tiên", "Cao", "Thủy", "Hoàng",
  "Gia", "Tường", "Khê", "Dương", "Uyên",
];

/** First syllables of Tày, Nùng and Thái village names in the northern mountains. */
export const UPLAND_PREFIXES: readonly string[] = [
  "Nà", "Khuổi", "Pò", "Cốc", "Phiêng", "Bó", "Lũng", "Bản", "Nặm", "Pác", "Khau", "Co", "Huổi", "Hua",
];
export const UPLAND_SYLLABLES: readonly string[] = [
  "Mầm", "Chặng", "Mè", "Pàn", "Lùng", "Thấu", "Nưa", "Vài", "Slam", "Cáp", "Hin", "Làng", "Tào", "Lẹng",
  "Mạ", "Pựt", "Sla", "Khoang", "Rạo", "Nghiều", "Ngòa", "Phja", "Ỏ", "Mu", "Tổng", "Cải", "Phạc", "Pài",
];

export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ["Nguyễn", 38], ["Trần", 11], ["Lê", 9.5], ["Phạm", 7], ["Hoàng", 5], ["Huỳnh", 4], ["Phan", 4.5],
  ["Vũ", 3.9], ["Võ", 3], ["Đặng", 2.1], ["Bùi", 2], ["Đỗ", 1.4], ["Hồ", 1.3], ["Ngô", 1.3], ["Dương", 1],
  ["Lý", 0.5], ["Đinh", 0.8], ["Trịnh", 0.6], ["Mai", 0.4], ["Tô", 0.3],
];
export const UPLAND_FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ["Hoàng", 6], ["Nông", 5], ["Lương", 4], ["Vi", 3], ["Lò", 3], ["Hà", 3], ["Triệu", 2], ["Lục", 2],
  ["Mã", 1.5], ["Lăng", 1], ["Hứa", 1], ["Sầm", 1], ["Giàng", 1.5], ["Vàng", 1.5], ["Sùng", 1], ["Lý", 1.5],
  ["Nguyễn", 4], ["Đinh", 1],
];
export const MALE_MIDDLE: readonly string[] = [
  "Văn", "Văn", "Văn", "Đức", "Hữu", "Minh", "Quang", "Xuân", "Thanh", "Ngọc", "Công", "Đình", "Mạnh", "Tiến",
];
export const FEMALE_MIDDLE: readonly string[] = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Thúy"];
export const MALE_GIVEN: readonly string[] = [
  "Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Long", "Nam", "Phong", "Quân",
  "Sơn", "Thắng", "Thành", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hòa", "Lâm", "Lộc", "Phúc", "Quý",
  "Tâm", "Toàn", "Tú", "Vũ", "Chiến", "Hiếu", "Hưng", "Kiên", "Lực", "Nghĩa", "Sáng", "Tài", "Thái",
  "Thịnh", "Thuận", "Triều", "Khoa", "Dương", "Hoàn", "Khải", "Luận", "Thủy", "Tuyến", "Vượng",
];
export const FEMALE_GIVEN: readonly string[] = [
  "Anh", "Chi", "Dung", "Hà", "Hằng", "Hạnh", "Hoa", "Hòa", "Hồng", "Hương", "Huyền", "Lan", "Liên",
  "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thu", "Thủy",
  "Thúy", "Trang", "Tuyết", "Vân", "Xuân", "Yến", "Khuê", "Duyên", "Lụa",
];

export const MINORITY_GROUPS: Record<Region, readonly (readonly [string, number])[]> = {
  northMountain: [["Tày", 30], ["Nùng", 25], ["Kinh", 20], ["Dao", 8], ["Mông", 8], ["Thái", 7], ["Sán Chay", 2]],
  northDelta: [["Kinh", 97], ["Mường", 2], ["Tày", 1]],
  central: [["Kinh", 85], ["Thái", 6], ["Mường", 5], ["Khơ Mú", 2], ["Chăm", 2]],
  highland: [["Kinh", 55], ["Ê Đê", 15], ["Gia Rai", 15], ["Ba Na", 8], ["Mnông", 7]],
  south: [["Kinh", 90], ["Khmer", 8], ["Hoa", 2]],
};

/** Village kinds by region, for communes (xã) and for wards (phường). */
export const VILLAGE_KINDS: Record<Region, readonly (readonly [string, number])[]> = {
  northMountain: [["Thôn", 50], ["Bản", 45], ["Xóm", 5]],
  northDelta: [["Thôn", 70], ["Xóm", 15], ["Làng", 15]],
  central: [["Thôn", 75], ["Xóm", 10], ["Làng", 10], ["Bản", 5]],
  highland: [["Thôn", 60], ["Làng", 25], ["Bản", 15]],
  south: [["Ấp", 90], ["Thôn", 10]],
};
export const WARD_KINDS: readonly (readonly [string, number])[] = [
  ["Tổ dân phố", 60],
  ["Khu phố", 25],
  ["Khối phố", 15],
];

/** How clerks write yes and no in a flag column. */
export const YES_WORDS: readonly (readonly [string | number | boolean, number])[] = [
  ["x", 60], ["X", 10], ["Có", 20], [1, 8], [true, 2],
];
export const NO_WORDS: readonly (readonly [string | number | boolean, number])[] = [
  ["Không", 55], [0, 25], ["K", 10], ["Chưa", 10],
];

export const EDUCATION: readonly (readonly [string, number])[] = [
  ["12/12", 70], ["9/12", 18], ["10/10", 8], ["THPT", 4],
];
export const PROFESSIONAL: readonly (readonly [string | null, number])[] = [
  [null, 35], ["Sơ cấp", 15], ["Trung cấp", 30], ["Cao đẳng", 8], ["Đại học", 11], ["Thạc sĩ", 1],
];
export const THEORY: readonly (readonly [string | null, number])[] = [
  [null, 35], ["Sơ cấp", 45], ["Trung cấp", 19], ["Cao cấp", 1],
];

/** Ways of writing the posts, the first the standard one. */
export const SECRETARY_POSTS = ["Bí thư chi bộ", "Bí thư chi bộ", "Bí thư chi bộ", "BTCB", "Bí thư chi bộ thôn"];
export const HEAD_POSTS: Record<string, readonly string[]> = {
  Thôn: ["Trưởng thôn"],
  Bản: ["Trưởng bản"],
  Xóm: ["Trưởng xóm"],
  Làng: ["Trưởng làng", "Trưởng thôn"],
  Ấp: ["Trưởng ấp"],
  "Tổ dân phố": ["Tổ trưởng tổ dân phố", "Tổ trưởng TDP"],
  "Khu phố": ["Trưởng khu phố"],
  "Khối phố": ["Trưởng khối phố"],
};
export const FRONT_POSTS = ["Trưởng ban công tác Mặt trận", "Trưởng ban CTMT", "Trưởng ban CTMT"];
export const JOINERS = [" kiêm ", " kiêm ", " kiêm ", ", ", " và "];
