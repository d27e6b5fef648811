/**
 * Well-known passwords and password stems (lower case), from the public top lists
 * (NCSC's 100k list, RockYou, SplashData yearly lists). `password.ts` also matches
 * them with common decorations removed ("P@ssw0rd!" → "password"), so the stems
 * catch far more than the list's length suggests.
 */
const LIST = `
123456 123456789 12345678 12345 1234567 1234567890 1234 qwerty password 111111
123123 abc123 1q2w3e4r 1q2w3e4r5t qwerty123 000000 iloveyou 1qaz2wsx qwertyuiop 654321
555555 lovely 7777777 888888 princess dragon 123qwe 666666 1qaz2wsx3edc 121212
monkey 159753 987654321 123321 qazwsx 112233 letmein football baseball welcome
sunshine master hello freedom whatever trustno1 shadow ashley michael superman batman
charlie donald jordan jennifer hunter hunter2 buster soccer harley ranger daniel
starwars klaster george computer michelle jessica pepper zxcvbnm zxcvbn asdfgh asdfghjkl
asdf1234 asdfasdf qwer1234 q1w2e3r4 a1b2c3d4 passw0rd p@ssw0rd pass1234 password1 password12
password123 password1234 admin admin123 administrator root toor guest login welcome1
welcome123 changeme default secret secret123 test test123 testing user user123 demo
summer winter spring autumn monday friday january february december
love lovers loveme iloveu iloveyou1 mylove sweetheart angel angels baby babygirl
princess1 butterfly flower flowers rainbow cookie chocolate cheese banana orange
apple cherry peanut pumpkin candy sugar honey
tigger tiger lion eagle falcon dolphin panther jaguar cowboy cowboys yankees lakers
chelsea arsenal liverpool barcelona realmadrid juventus manchester united
spiderman ironman pokemon pikachu naruto minecraft fortnite roblox zelda mario
matrix killer hacker ninja samurai warrior legend phoenix merlin gandalf
mustang corvette ferrari porsche mercedes bmw toyota honda harley1
thomas robert william richard joseph charles david james john andrew matthew joshua
anthony christopher nicole amanda sarah samantha jasmine elizabeth hannah emily
maggie ginger bailey buddy lucky max sammy molly rocky bandit coco lucky1
qwerty1 qwerty12 qwerty1234 qwertz azerty 1qazxsw2 zaq12wsx zaq1zaq1 !qaz2wsx
abcd1234 abcdef abcdefg abcdefgh abc12345 aaaaaa aaaaaaaa 11111111 22222222 12341234
00000000 99999999 88888888 123456a 123456q a123456 a12345 qwe123 1234qwer
access access14 master123 superman1 batman1 shadow1 monkey1 dragon1 football1
baseball1 letmein1 trustno1 starwars1 michael1 jordan23 blink182
whatever1 nothing anything something everything
internet google facebook youtube twitter instagram linkedin amazon microsoft
windows linux ubuntu apple123 samsung nokia android iphone
hikvision hikconnect hik-connect hik12345 camera security surveillance nvr dvr
hello123 hello1 hi123456 goodluck happy happy123 smile sunshine1 family family1
forever friends friend lol123 loveyou
qwerty12345 1q2w3e 1q2w3e4r5t6y zxcvbnm1 poiuytrewq mnbvcxz asdfghjkl1
password! password1! passw0rd1 p@ssword p@55w0rd pa55word pa55w0rd
letmein123 welcome2024 welcome2025 summer2024 summer2025 winter2024 spring2025
qwertyui 1234abcd abcd123 test1234 admin1234 root1234 guest123
secure security1 private private1 office office365 company business
master1 killer1 soccer1 hockey hockey1 golf tennis basketball volleyball
london paris berlin madrid roma moscow tokyo beijing shanghai newyork
england germany france italia espana brasil mexico canada australia china
music guitar piano rockstar superstar
corona covid19 covid-19 pandemic
jesus christ god1 heaven angel1 blessed
michael12 charlie1 thomas1 robert1 daniel1 andrew1 jessica1 ashley1
flower1 purple purple1 yellow green blue red black white silver golden
diamond crystal pepper1 ginger1 cookie1 chocolate1 princess12
zaq1xsw2 xsw21qaz 1qa2ws3ed qazwsxedc qazxswedc
iloveyou2 iloveyou! loveyou1 mylove1 babygirl1
654321a 7654321 87654321 0987654321 9876543210 147258369 741852963 963852741
147258 258369 159357 456789 13579 24680 102030 112358
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
