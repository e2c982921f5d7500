<?xml version="1.0" encoding="UTF-8"?>
<!-- aloud's news lexicon: names and places that voices commonly get wrong.
     W3C PLS 1.0: each lexeme has an IPA phoneme (for voices that read SSML
     <phoneme>: Polly, Google, Azure) and a respelling alias (for the others).
     Add your own in voices_dir/lexicons/*.pls and list them in a preset or
     under lexicons: in aloud.yaml. -->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en">
  <lexeme><grapheme>Kyiv</grapheme><phoneme>ˈkiːjɪv</phoneme><alias>Keev</alias></lexeme>
  <lexeme><grapheme>Kharkiv</grapheme><phoneme>ˈxɑːrkɪv</phoneme><alias>Khar-kiv</alias></lexeme>
  <lexeme><grapheme>Lviv</grapheme><phoneme>ləˈviːv</phoneme><alias>Luh-veev</alias></lexeme>
  <lexeme><grapheme>Odesa</grapheme><phoneme>oʊˈdɛsə</phoneme><alias>Oh-dessa</alias></lexeme>
  <lexeme><grapheme>Dnipro</grapheme><phoneme>dnɪˈproʊ</phoneme><alias>Dnee-pro</alias></lexeme>
  <lexeme><grapheme>Donetsk</grapheme><phoneme>dəˈnjɛtsk</phoneme><alias>Duh-nyetsk</alias></lexeme>
  <lexeme><grapheme>Luhansk</grapheme><phoneme>luːˈhɑːnsk</phoneme><alias>Loo-hansk</alias></lexeme>
  <lexeme><grapheme>Mykolaiv</grapheme><phoneme>mɪkoʊˈlɑːjɪv</phoneme><alias>Mi-ko-lah-yiv</alias></lexeme>
  <lexeme><grapheme>Zaporizhzhia</grapheme><phoneme>zɑːpɔːˈrɪʒʒə</phoneme><alias>Zah-po-rizh-zha</alias></lexeme>
  <lexeme><grapheme>Kherson</grapheme><phoneme>xɛrˈsɔn</phoneme><alias>Kher-sone</alias></lexeme>
  <lexeme><grapheme>Mariupol</grapheme><phoneme>mɑːriˈuːpəl</phoneme><alias>Mah-ree-oo-pol</alias></lexeme>
  <lexeme><grapheme>Bakhmut</grapheme><phoneme>bɑːxˈmuːt</phoneme><alias>Bakh-moot</alias></lexeme>
  <lexeme><grapheme>Avdiivka</grapheme><phoneme>ɑːvˈdiːjɪfkə</phoneme><alias>Av-dee-if-ka</alias></lexeme>
  <lexeme><grapheme>Chernihiv</grapheme><phoneme>tʃɛrˈnɪhɪv</phoneme><alias>Cher-nee-hiv</alias></lexeme>
  <lexeme><grapheme>Sumy</grapheme><phoneme>ˈsuːmi</phoneme><alias>Soo-mee</alias></lexeme>
  <lexeme><grapheme>Zelensky</grapheme><phoneme>zəˈlɛnski</phoneme><alias>Zuh-len-skee</alias></lexeme>
  <lexeme><grapheme>Zelenskyy</grapheme><phoneme>zəˈlɛnski</phoneme><alias>Zuh-len-skee</alias></lexeme>
  <lexeme><grapheme>Ryabkov</grapheme><phoneme>rʲɪpˈkɔf</phoneme><alias>Ryap-kov</alias></lexeme>
  <lexeme><grapheme>Peskov</grapheme><phoneme>pʲɪˈskɔf</phoneme><alias>Pes-kov</alias></lexeme>
  <lexeme><grapheme>Lavrov</grapheme><phoneme>lɐˈvrɔf</phoneme><alias>Lah-vrov</alias></lexeme>
  <lexeme><grapheme>Shoigu</grapheme><phoneme>ʃɔjˈɡuː</phoneme><alias>Shoy-goo</alias></lexeme>
  <lexeme><grapheme>Medvedev</grapheme><phoneme>mʲɪdˈvʲedʲɪf</phoneme><alias>Med-vyeh-dev</alias></lexeme>
  <lexeme><grapheme>Navalny</grapheme><phoneme>nɐˈvalʲnɨj</phoneme><alias>Na-val-nee</alias></lexeme>
  <lexeme><grapheme>Kuleba</grapheme><phoneme>kuˈlɛbə</phoneme><alias>Koo-leh-ba</alias></lexeme>
  <lexeme><grapheme>Yermak</grapheme><phoneme>jɛrˈmɑːk</phoneme><alias>Yer-mahk</alias></lexeme>
  <lexeme><grapheme>Syrskyi</grapheme><phoneme>ˈsɪrskɪj</phoneme><alias>Sir-skee</alias></lexeme>
  <lexeme><grapheme>Zaluzhnyi</grapheme><phoneme>zɑˈluʒnɪj</phoneme><alias>Za-loozh-nee</alias></lexeme>
  <lexeme><grapheme>Klitschko</grapheme><phoneme>ˈklɪtʃkoʊ</phoneme><alias>Klich-ko</alias></lexeme>
  <lexeme><grapheme>Sybiha</grapheme><phoneme>sɪˈbɪhə</phoneme><alias>Si-bee-ha</alias></lexeme>
  <lexeme><grapheme>Riyadh</grapheme><phoneme>riːˈjɑːd</phoneme><alias>Ree-yahd</alias></lexeme>
  <lexeme><grapheme>Qatar</grapheme><phoneme>ˈkʌtɑːr</phoneme><alias>Kuh-tar</alias></lexeme>
  <lexeme><grapheme>Doha</grapheme><phoneme>ˈdoʊhə</phoneme><alias>Doe-ha</alias></lexeme>
  <lexeme><grapheme>Tehran</grapheme><phoneme>tɛəˈrɑːn</phoneme><alias>Teh-rahn</alias></lexeme>
  <lexeme><grapheme>Khamenei</grapheme><phoneme>xɑːmeˈneɪ</phoneme><alias>Kha-meh-nay</alias></lexeme>
  <lexeme><grapheme>Netanyahu</grapheme><phoneme>nɛtənˈjɑːhuː</phoneme><alias>Net-an-yah-hoo</alias></lexeme>
  <lexeme><grapheme>Khan Younis</grapheme><phoneme>xɑːn ˈjuːnɪs</phoneme><alias>Khan Yoo-nis</alias></lexeme>
  <lexeme><grapheme>Rafah</grapheme><phoneme>ˈrɑːfə</phoneme><alias>Rah-fah</alias></lexeme>
  <lexeme><grapheme>Hezbollah</grapheme><phoneme>hɛzbəˈlɑː</phoneme><alias>Hez-buh-lah</alias></lexeme>
  <lexeme><grapheme>Houthi</grapheme><phoneme>ˈhuːθi</phoneme><alias>Hoo-thee</alias></lexeme>
  <lexeme><grapheme>Sanaa</grapheme><phoneme>sɑːˈnɑː</phoneme><alias>Sah-nah</alias></lexeme>
  <lexeme><grapheme>Erdogan</grapheme><phoneme>ˈɛərdəwɑːn</phoneme><alias>Air-doh-wahn</alias></lexeme>
  <lexeme><grapheme>Pyongyang</grapheme><phoneme>pjʌŋˈjæŋ</phoneme><alias>Pyung-yang</alias></lexeme>
  <lexeme><grapheme>Xi Jinping</grapheme><phoneme>ʃiː dʒɪnˈpɪŋ</phoneme><alias>Shee Jin-ping</alias></lexeme>
  <lexeme><grapheme>Beijing</grapheme><phoneme>beɪˈdʒɪŋ</phoneme><alias>Bay-jing</alias></lexeme>
  <lexeme><grapheme>Guangzhou</grapheme><phoneme>ɡwɑːŋˈdʒoʊ</phoneme><alias>Gwahng-joe</alias></lexeme>
  <lexeme><grapheme>Taoiseach</grapheme><phoneme>ˈtiːʃəx</phoneme><alias>Tee-shock</alias></lexeme>
  <lexeme><grapheme>Sinn Féin</grapheme><phoneme>ʃɪn ˈfeɪn</phoneme><alias>Shin Fane</alias></lexeme>
  <lexeme><grapheme>Bundestag</grapheme><phoneme>ˈbʊndəstɑːk</phoneme><alias>Boon-des-tahk</alias></lexeme>
  <lexeme><grapheme>Scholz</grapheme><phoneme>ʃɔlts</phoneme><alias>Sholts</alias></lexeme>
  <lexeme><grapheme>Macron</grapheme><phoneme>mæˈkrɒn</phoneme><alias>Mah-kron</alias></lexeme>
  <lexeme><grapheme>Meloni</grapheme><phoneme>mɛˈloʊni</phoneme><alias>Meh-low-nee</alias></lexeme>
  <lexeme><grapheme>Orbán</grapheme><phoneme>ˈɔːrbɑːn</phoneme><alias>Or-bahn</alias></lexeme>
  <lexeme><grapheme>Tusk</grapheme><phoneme>tʊsk</phoneme><alias>Toosk</alias></lexeme>
  <lexeme><grapheme>Ruto</grapheme><phoneme>ˈruːtoʊ</phoneme><alias>Roo-toe</alias></lexeme>
  <lexeme><grapheme>Tshisekedi</grapheme><phoneme>tʃɪsɛˈkɛdi</phoneme><alias>Chee-seh-keh-dee</alias></lexeme>
  <lexeme><grapheme>Ouagadougou</grapheme><phoneme>wɑːɡəˈduːɡuː</phoneme><alias>Wah-ga-doo-goo</alias></lexeme>
  <lexeme><grapheme>Reykjavik</grapheme><phoneme>ˈreɪkjəvɪk</phoneme><alias>Rake-ya-vik</alias></lexeme>
  <lexeme><grapheme>Leicester</grapheme><phoneme>ˈlɛstər</phoneme><alias>Lester</alias></lexeme>
  <lexeme><grapheme>Worcester</grapheme><phoneme>ˈwʊstər</phoneme><alias>Wooster</alias></lexeme>
  <lexeme><grapheme>Gloucester</grapheme><phoneme>ˈɡlɒstər</phoneme><alias>Gloster</alias></lexeme>
  <lexeme><grapheme>Guterres</grapheme><phoneme>ɡuːˈtɛrɪʃ</phoneme><alias>Goo-tair-ish</alias></lexeme>
  <lexeme><grapheme>Modi</grapheme><phoneme>ˈmoʊdi</phoneme><alias>Moe-dee</alias></lexeme>
</lexicon>
