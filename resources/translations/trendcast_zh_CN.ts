<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start again with no data</source>
        <translation>清空数据，重新开始</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved project: data, settings and forecast</source>
        <translation>打开已保存的项目：数据、设置和预测</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save the data, settings and forecast in one file</source>
        <translation>将数据、设置和预测保存在一个文件中</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>以新名称保存项目</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Open a CSV or Excel export of your sales</source>
        <translation>打开销售数据的 CSV 或 Excel 导出文件</translation>
    </message>
    <message>
        <source>Open sample &amp;shop</source>
        <translation>打开示例店铺(&amp;S)</translation>
    </message>
    <message>
        <source>Load the bundled example shop</source>
        <translation>载入内置的示例店铺</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the forecast as CSV, Excel, PNG or PDF</source>
        <translation>将预测保存为 CSV、Excel、PNG 或 PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Trendcast</source>
        <translation>关于 Trendcast(&amp;A)</translation>
    </message>
    <message>
        <source>Go to step {0}</source>
        <translation>转到第 {0} 步</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <source>Adjust forecast</source>
        <translation>调整预测</translation>
    </message>
    <message>
        <source>Set to (units per period)</source>
        <translation>设为（每期件数）</translation>
    </message>
    <message>
        <source>Change by percent</source>
        <translation>按百分比调整</translation>
    </message>
    <message>
        <source>Change by units per period</source>
        <translation>按每期件数调整</translation>
    </message>
    <message>
        <source>Why (e.g. a big order, a promotion)</source>
        <translation>原因（例如大订单、促销）</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Periods:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>调整：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>CancelledStatuses</name>
    <message>
        <source>e.g. storno, void (comma-separated)</source>
        <translation>例如 已拒收, 作废订单（用逗号分隔）</translation>
    </message>
    <message>
        <source>Values of the order status column that mean the order was cancelled or refunded. Known words (cancelled, refunded, 已取消, storniert, ...) need not be listed; the import warns about the statuses it does not know.</source>
        <translation>订单状态列中表示订单已取消或已退款的值。已知的词（cancelled、refunded、已取消、storniert 等）无需填写；导入时会提示它不认识的状态。</translation>
    </message>
    <message>
        <source>Also cancelled</source>
        <translation>也算取消</translation>
    </message>
</context>
<context>
    <name>CoreTexts</name>
    <message>
        <source>no backtest possible (history too short); seasonal naive used</source>
        <translation>无法回测（历史太短）；改用季节性朴素法</translation>
    </message>
    <message>
        <source>chosen in the settings</source>
        <translation>在设置中指定</translation>
    </message>
    <message>
        <source>too little history: {length} of the {need} periods a backtest needs</source>
        <translation>历史太短：回测需要 {need} 期，只有 {length} 期</translation>
    </message>
    <message>
        <source>forecast as a new product (sales so far spread over its life and the horizon)</source>
        <translation>按新产品预测（迄今销量平摊到已上市期间和预测期）</translation>
    </message>
    <message>
        <source>held to {cap} a period, what the shop&apos;s top tenth of established products sell lately</source>
        <translation>每期最多 {cap}，即本店销量前十分之一的成熟商品近期的销量</translation>
    </message>
    <message>
        <source>forecast borrowed from the sales of the products with the most similar titles: {neighbours}</source>
        <translation>预测借自标题最相似的商品的销量：{neighbours}</translation>
    </message>
    <message>
        <source>lowest MASE in backtest over {products} {pool} products ({best} vs {runner_up_score} for {runner_up})</source>
        <translation>在 {products} 个{pool}产品上回测 MASE 最低（{best}，{runner_up}为 {runner_up_score}）</translation>
    </message>
    <message>
        <source>lowest MASE in backtest over {products} {pool} products ({best})</source>
        <translation>在 {products} 个{pool}产品上回测 MASE 最低（{best}）</translation>
    </message>
    <message>
        <source>lowest MASE in backtest ({best} vs {runner_up_score} for {runner_up}, {windows} windows)</source>
        <translation>回测 MASE 最低（{best}，{runner_up}为 {runner_up_score}，{windows} 个窗口）</translation>
    </message>
    <message>
        <source>lowest MASE in backtest ({best} vs {runner_up_score} for {runner_up}, 1 window)</source>
        <translation>回测 MASE 最低（{best}，{runner_up}为 {runner_up_score}，1 个窗口）</translation>
    </message>
    <message>
        <source>lowest MASE in backtest ({best}, {windows} windows)</source>
        <translation>回测 MASE 最低（{best}，{windows} 个窗口）</translation>
    </message>
    <message>
        <source>lowest MASE in backtest ({best}, 1 window)</source>
        <translation>回测 MASE 最低（{best}，1 个窗口）</translation>
    </message>
    <message>
        <source>this product: {own} over {windows} windows</source>
        <translation>本产品 {windows} 个窗口为 {own}</translation>
    </message>
    <message>
        <source>this product: {own} over 1 window</source>
        <translation>本产品 1 个窗口为 {own}</translation>
    </message>
    <message>
        <source>{model_name} not chosen: it missed the pool&apos;s backtest total by {missed} vs {reference_missed} for {reference}</source>
        <translation>未选用 {model_name}：它在回测中对该组总量的偏差为 {missed}，而 {reference} 为 {reference_missed}</translation>
    </message>
    <message>
        <source>only {length} {unit} of history ({model} needs {need})</source>
        <translation>历史仅 {length} {unit}（{model}需要 {need}）</translation>
    </message>
    <message>
        <source>{model} could not be fitted</source>
        <translation>{model}无法拟合</translation>
    </message>
    <message>
        <source>used the seasonal naive forecast</source>
        <translation>改用季节性朴素法预测</translation>
    </message>
    <message>
        <source>needs {need} periods of history, has {length}</source>
        <translation>需要 {need} 期历史，只有 {length} 期</translation>
    </message>
    <message>
        <source>gave no usable numbers</source>
        <translation>未给出可用的数值</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>出错：{error}</translation>
    </message>
    <message>
        <source>used {model_name}</source>
        <translation>改用{model_name}</translation>
    </message>
    <message>
        <source>in {model_name}</source>
        <translation>{model_name} 中</translation>
    </message>
    <message>
        <source>no training window of its own ({length} of the {need} periods one needs); forecast as the network&apos;s average product</source>
        <translation>自身没有训练窗口（需要 {need} 期，只有 {length} 期）；按网络的平均产品预测</translation>
    </message>
    <message>
        <source>the horizon must be at least 1 period (got {value})</source>
        <translation>预测期数至少为 1 期（当前为 {value}）</translation>
    </message>
    <message>
        <source>the number of backtest windows must be 0 or more (got {value})</source>
        <translation>回测窗口数不能为负（当前为 {value}）</translation>
    </message>
    <message>
        <source>a backtest needs at least 1 window (got {value})</source>
        <translation>回测至少需要 1 个窗口（当前为 {value}）</translation>
    </message>
    <message>
        <source>the step between backtest windows must be at least 1 period (got {value})</source>
        <translation>回测窗口之间的步长至少为 1 期（当前为 {value}）</translation>
    </message>
    <message>
        <source>the season length must be at least 1 period (got {value}); leave it out for the usual one</source>
        <translation>季节长度至少为 1 期（当前为 {value}）；留空则使用常用值</translation>
    </message>
    <message>
        <source>unknown frequency {value}; use D, W or M</source>
        <translation>未知频率 {value}；请使用 D、W 或 M</translation>
    </message>
    <message>
        <source>interval levels must be between 1 and 99 (got {value})</source>
        <translation>区间水平必须在 1 到 99 之间（当前为 {value}）</translation>
    </message>
    <message>
        <source>the number of worker processes must be at least 1 (got {value})</source>
        <translation>工作进程数至少为 1（当前为 {value}）</translation>
    </message>
    <message>
        <source>pick at least one model, or auto</source>
        <translation>请至少选择一个模型，或选择自动</translation>
    </message>
    <message>
        <source>unknown model {model}; available: {available}</source>
        <translation>未知模型 {model}；可用模型：{available}</translation>
    </message>
    <message>
        <source>{model} has no setting {param}</source>
        <translation>{model} 没有设置项 {param}</translation>
    </message>
    <message>
        <source>{model}&apos;s {param} must be between {minimum} and {maximum} (got {value})</source>
        <translation>{model} 的 {param} 必须在 {minimum} 到 {maximum} 之间（当前为 {value}）</translation>
    </message>
    <message>
        <source>the data has no products to forecast</source>
        <translation>数据中没有可预测的商品</translation>
    </message>
    <message>
        <source>a horizon of {horizon} periods leaves no history to test a model on: that needs {need} periods, the longest product has {history}; shorten the horizon to at most {most}</source>
        <translation>预测 {horizon} 期时没有可用于检验模型的历史：需要 {need} 期，最长的商品只有 {history} 期；请把预测期数缩短到最多 {most} 期</translation>
    </message>
    <message>
        <source>{windows} backtest window(s) of {horizon} periods need {need} periods of history, the longest product has {history}; use at most {most} window(s) or a shorter horizon</source>
        <translation>{windows} 个 {horizon} 期的回测窗口需要 {need} 期历史，最长的商品只有 {history} 期；请最多使用 {most} 个窗口，或缩短预测期数</translation>
    </message>
    <message>
        <source>a season of {season} periods needs {need} periods of history to be seen twice, the longest product has {history}; use a shorter season or the usual one</source>
        <translation>{season} 期的季节需要 {need} 期历史才能出现两次，最长的商品只有 {history} 期；请使用更短的季节或常用值</translation>
    </message>
    <message>
        <source>{model} reads {lookback} past periods, more than the longest product&apos;s {history}; lower its lookback, or 0 for the usual one</source>
        <translation>{model} 读取过去 {lookback} 期，超过最长商品的 {history} 期；请调低回看期数，或设为 0 使用常用值</translation>
    </message>
    <message>
        <source>backtest window {window}: {products} products too short, left out</source>
        <translation>回测窗口 {window}：{products} 个产品历史太短，未参与</translation>
    </message>
    <message>
        <source>each product&apos;s model is chosen by MASE pooled over products of the same demand class, on earlier backtest windows only ({warmup} extra window(s) before the reported ones)</source>
        <translation>每个产品的模型按同一需求类型产品汇总的 MASE 选择，只用更早的回测窗口（报告的窗口之前另加 {warmup} 个窗口）</translation>
    </message>
    <message>
        <source>{products} products needed a fallback for at least one candidate</source>
        <translation>{products} 个产品至少有一个候选模型使用了后备模型</translation>
    </message>
    <message>
        <source>{products} products too young to backtest are forecast from the products with the most similar titles ({encoder})</source>
        <translation>{products} 个历史太短、无法回测的商品按标题最相似的商品来预测（{encoder}）</translation>
    </message>
    <message>
        <source>{products} products too young to backtest have no title and keep the new-product rate</source>
        <translation>{products} 个历史太短、无法回测的商品没有标题，仍按新品速率预测</translation>
    </message>
    <message>
        <source>the data have no product titles, so {products} products too young to backtest keep the new-product rate</source>
        <translation>数据中没有商品标题，因此 {products} 个历史太短、无法回测的商品仍按新品速率预测</translation>
    </message>
    <message>
        <source>cold start from titles is off: {products} products too young to backtest keep the new-product rate</source>
        <translation>按标题冷启动已关闭：{products} 个历史太短、无法回测的商品仍按新品速率预测</translation>
    </message>
    <message>
        <source>prediction intervals calibrated on {residuals} backtest errors per model, demand class and horizon step (each backtest window only on earlier ones)</source>
        <translation>预测区间已按模型、需求类型和预测步长，用 {residuals} 个回测误差校准（每个回测窗口只用更早的窗口）</translation>
    </message>
    <message>
        <source>prediction intervals of {models} are the model&apos;s own: fewer than {need} backtest errors to calibrate them</source>
        <translation>{models} 的预测区间为模型自身的区间：回测误差少于 {need} 个，无法校准</translation>
    </message>
    <message>
        <source>{products} products, {span}, frequency {freq}, {periods} periods</source>
        <translation>{products} 个产品，{span}，频率：{freq}，共 {periods} 期</translation>
    </message>
    <message>
        <source>{rows} rows read, total quantity {total}, {zero_share} of periods without sales</source>
        <translation>读取 {rows} 行，总销量 {total}，{zero_share} 的时段无销售</translation>
    </message>
    <message>
        <source>{gaps} missing product-periods filled with 0 sales</source>
        <translation>{gaps} 个缺失的产品时段按 0 销量补齐</translation>
    </message>
    <message>
        <source>rows removed by rule &apos;{rule}&apos;: {amount}</source>
        <translation>按规则“{rule}”删除的行：{amount}</translation>
    </message>
    <message>
        <source>each product ends at its own last row ({products} end before {end}); periods after it are not recorded, not sales of 0</source>
        <translation>每个商品的序列止于其自身的最后一行（{products} 个在 {end} 之前结束）；之后的周期是未记录，而不是销量为 0</translation>
    </message>
    <message>
        <source>every product runs to the last period ({end}); periods without a row count as 0 sales</source>
        <translation>所有商品都延续到最后一个周期（{end}）；没有记录的周期按销量 0 计</translation>
    </message>
    <message>
        <source>rule for order lines: a period without an order line sold nothing</source>
        <translation>订单明细的规则：没有订单行的周期即没有销售</translation>
    </message>
    <message>
        <source>rule for tables that record 0 sales: a product without rows was no longer recorded</source>
        <translation>明确记录 0 销量的表格的规则：没有行的商品是不再被记录</translation>
    </message>
    <message>
        <source>rule for tables with a row for nearly every period: a product whose rows stop was no longer recorded</source>
        <translation>几乎每个周期都有一行的表格的规则：行中断的商品是不再被记录</translation>
    </message>
    <message>
        <source>rule for tables that list only periods with sales: a missing period sold nothing</source>
        <translation>只列出有销售周期的表格的规则：缺少的周期即没有销售</translation>
    </message>
    <message>
        <source>series end chosen in the import settings</source>
        <translation>序列结束方式由导入设置指定</translation>
    </message>
    <message>
        <source>forecasts start between {first} and {last} (the products&apos; series end on different dates), so each date adds up only the products forecast at it</source>
        <translation>预测起始于 {first} 至 {last} 之间（各商品的序列结束日期不同），因此每个日期只汇总在该日期有预测的商品</translation>
    </message>
    <message>
        <source>units of sales removed by rule &apos;{rule}&apos;: {amount}</source>
        <translation>按规则“{rule}”去掉的销量（件）：{amount}</translation>
    </message>
    <message>
        <source>{ids} product code spellings had invisible characters or surrounding spaces removed</source>
        <translation>{ids} 种商品编码写法去掉了不可见字符或首尾空格</translation>
    </message>
    <message>
        <source>product codes that became one after that: {codes}</source>
        <translation>因此合并为同一编码的商品：{codes}</translation>
    </message>
    <message>
        <source>holidays of {code} by default: {country} bought {share} of the units (column &apos;{column}&apos;)</source>
        <translation>默认使用 {code} 的节假日：{country} 购买了 {share} 的销量（列 &apos;{column}&apos;）</translation>
    </message>
    <message>
        <source>no default for holidays: the largest country, {country}, bought only {share} of the units (column &apos;{column}&apos;; a default needs over {needed})</source>
        <translation>未设默认节假日：最大的国家 {country} 只购买了 {share} 的销量（列 &apos;{column}&apos;；设为默认需超过 {needed}）</translation>
    </message>
    <message>
        <source>no default for holidays: {country} bought {share} of the units (column &apos;{column}&apos;), but has no public holidays known</source>
        <translation>未设默认节假日：{country} 购买了 {share} 的销量（列 &apos;{column}&apos;），但没有已知的公共节假日</translation>
    </message>
    <message>
        <source>window {window} of {windows}</source>
        <translation>第 {window}/{windows} 个窗口</translation>
    </message>
    <message>
        <source>fitted part {part} of {parts}</source>
        <translation>已拟合第 {part}/{parts} 部分</translation>
    </message>
    <message>
        <source>{model} fitted</source>
        <translation>{model}已拟合</translation>
    </message>
    <message>
        <source>Decomposing</source>
        <translation>正在分解</translation>
    </message>
    <message>
        <source>Epoch {epoch}: loss {loss}</source>
        <translation>第 {epoch} 轮：损失 {loss}</translation>
    </message>
    <message>
        <source>Epoch {epoch}: loss {loss}, validation {validation}</source>
        <translation>第 {epoch} 轮：损失 {loss}，验证 {validation}</translation>
    </message>
    <message>
        <source>choosing models</source>
        <translation>正在选择模型</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Reading dates and quantities</source>
        <translation>正在读取日期和数量</translation>
    </message>
    <message>
        <source>Building the series</source>
        <translation>正在生成序列</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>chunk {part} of {parts}</source>
        <translation>第 {part}/{parts} 块</translation>
    </message>
    <message>
        <source>ARIMA {order}</source>
        <translation>ARIMA {order}</translation>
    </message>
    <message>
        <source>ETS {trend},{seasonal}</source>
        <translation>ETS {trend},{seasonal}</translation>
    </message>
    <message>
        <source>calibrating</source>
        <translation>正在校准</translation>
    </message>
    <message>
        <source>what-if by {method}</source>
        <translation>按{method}推演</translation>
    </message>
    <message>
        <source>what-if done</source>
        <translation>推演完成</translation>
    </message>
    <message>
        <source>elasticities from short-run moves of list price and sales: {products} products from their own history, {pooled} from all products&apos;, median {median}</source>
        <translation>弹性来自标价与销量的短期变化：{products} 个产品基于自身历史，{pooled} 个基于全部产品，中位数 {median}</translation>
    </message>
    <message>
        <source>no product&apos;s price moved enough to learn how sales respond, so an elasticity of -1 is assumed for every product (set your own in the plan)</source>
        <translation>没有产品的价格变化足以学到销量如何响应，因此对所有产品假设弹性为 -1（可在方案中自行设定）</translation>
    </message>
    <message>
        <source>the history shows no measurable effect of price on sales for {products} products, so an elasticity of {elasticity} is assumed for them: an assumption, not learned from the data (set your own in the plan; 0 plans with no effect)</source>
        <translation>历史数据显示价格对 {products} 个产品的销量没有可测的影响，因此为它们假定弹性为 {elasticity}：这是假设，并非从数据中得出（可在计划中自行设定；设为 0 即按无影响计划）</translation>
    </message>
    <message>
        <source>elasticity {elasticity} for every product, as set</source>
        <translation>所有产品的弹性按设定为 {elasticity}</translation>
    </message>
    <message>
        <source>promotions are not modelled by elasticities (only by networks trained on data with a promo column), so they were left out</source>
        <translation>弹性方法不模拟促销（只有在带促销列的数据上训练的神经网络才会），因此未计入促销</translation>
    </message>
    <message>
        <source>moved by the change of the median forecast of {models}</source>
        <translation>按 {models} 的中位数预测变化调整</translation>
    </message>
    <message>
        <source>in {share} of the changed periods the networks&apos; answer goes against the price change (cheaper selling less or dearer selling more): treat it with caution</source>
        <translation>在 {share} 的变动期间，神经网络的结果与价格变动方向相反（降价却少卖或涨价却多卖）：请谨慎看待</translation>
    </message>
    <message>
        <source>a new product: its forecast is borrowed from the products with the most similar titles: {neighbours}</source>
        <translation>新品：其预测借自标题最相似的商品：{neighbours}</translation>
    </message>
    <message>
        <source>a reorder point of {reorder_point} is expected to meet {level} of the units demanded (fill rate; safety stock {safety})</source>
        <translation>再订货点 {reorder_point} 预计能满足 {level} 的需求件数（满足率；安全库存 {safety}）</translation>
    </message>
    <message>
        <source>a reorder point of {reorder_point} covers that in {level} of cases (cycle service; safety stock {safety})</source>
        <translation>再订货点 {reorder_point} 能在 {level} 的情况下满足这些需求（周期服务水平；安全库存 {safety}）</translation>
    </message>
    <message>
        <source>the forecast is under one unit, so the spread is the units sold after {windows} such forecasts of {products} similar products ({group}), at most this product&apos;s own best of {cap}</source>
        <translation>预测不足一件，因此波动取自 {products} 个相似商品（{group}）在 {windows} 次同样接近零的预测之后实际售出的件数，且不超过该商品自身的最高纪录 {cap}</translation>
    </message>
    <message>
        <source>The dates are spaced in {unit} but {chosen_unit} were chosen: most {chosen_unit} will show 0 sales.</source>
        <translation>日期按{unit}间隔，但选择了按{chosen_unit}：大多数{chosen_unit}将显示 0 销量。</translation>
    </message>
    <message>
        <source>Choose {spacing} (or coarser) unless this is what you want.</source>
        <translation>除非这正是你想要的，请选择 {spacing}（或更粗的频率）。</translation>
    </message>
    <message>
        <source>The dates could be day-first or month-first; read as month-first.</source>
        <translation>日期可能是日在前或月在前；已按月在前读取。</translation>
    </message>
    <message>
        <source>Choose the date order if this is wrong.</source>
        <translation>如果不对，请选择日期顺序。</translation>
    </message>
    <message>
        <source>{gaps} product-periods had no row and count as 0 sales (e.g. {examples}).</source>
        <translation>{gaps} 个产品-周期没有记录，按 0 销量计（例如 {examples}）。</translation>
    </message>
    <message>
        <source>{rows} rows have negative quantities (returns?); they were kept and subtracted from the sales of their period.</source>
        <translation>{rows} 行数量为负（退货？）；已保留并从所在周期的销量中扣除。</translation>
    </message>
    <message>
        <source>Remove them from the file if they are not returns.</source>
        <translation>如果它们不是退货，请从文件中删除。</translation>
    </message>
    <message>
        <source>{rows} rows repeat a product and {unit} and were added together.</source>
        <translation>{rows} 行的产品和{unit}重复，已相加。</translation>
    </message>
    <message>
        <source>{count} {unit} have no sales at all (e.g. {dates}); the shop may have been closed. They count as 0.</source>
        <translation>{count} 个{unit}完全没有销量（例如 {dates}）；店铺可能停业。按 0 计。</translation>
    </message>
    <message>
        <source>{count} {unit} has no sales at all (e.g. {dates}); the shop may have been closed. They count as 0.</source>
        <translation>{count} 个{unit}完全没有销量（例如 {dates}）；店铺可能停业。按 0 计。</translation>
    </message>
    <message>
        <source>{count} products never sold and were left out (e.g. {examples}).</source>
        <translation>{count} 个产品从未售出，已略去（例如 {examples}）。</translation>
    </message>
    <message>
        <source>The last period ({end}) only has data up to {last}, so its sales look low.</source>
        <translation>最后一个周期（{end}）只有截至 {last} 的数据，因此其销量看起来偏低。</translation>
    </message>
    <message>
        <source>Keep this in mind when reading the forecast, export data up to the end of the period, or import complete periods only.</source>
        <translation>阅读预测时请留意这一点，可导出到周期末的数据，或只导入完整周期。</translation>
    </message>
    <message>
        <source>{lines} cancellation or refund lines: {fully} matched earlier order lines in full, {partly} in part; {units} units were taken off {removed} order lines removed and {reduced} reduced.</source>
        <translation>{lines} 行取消或退款：{fully} 行与之前的订单行完全匹配，{partly} 行部分匹配；共扣除 {units} 件，删除 {removed} 个订单行，减少 {reduced} 个。</translation>
    </message>
    <message>
        <source>{unmatched} cancellation lines match no earlier purchase of the same product by the same customer (or in the same order) and {partly} match only part of their units: {units} cancelled units match nothing (unmatched); they were dropped, not taken off other sales.</source>
        <translation>{unmatched} 行取消记录找不到同一客户（或同一订单）之前购买的同一产品，另有 {partly} 行只匹配了部分数量：共 {units} 件取消数量无法匹配（未匹配）；已舍弃，没有从其他销量中扣除。</translation>
    </message>
    <message>
        <source>Their orders are probably older than the file; export a longer history if they should count.</source>
        <translation>它们的订单可能早于文件的起始时间；如需计入，请导出更长的历史。</translation>
    </message>
    <message>
        <source>{count} partially refunded orders (e.g. {orders}) are counted in full: the export does not say which items were refunded.</source>
        <translation>{count} 个部分退款的订单（例如 {orders}）按全额计入：导出文件没有说明退了哪些商品。</translation>
    </message>
    <message>
        <source>If you know, add the refunded items to the order as lines with a negative quantity, and they are taken off.</source>
        <translation>如果你知道，请把退款商品作为数量为负的行加入该订单，它们就会被扣除。</translation>
    </message>
    <message>
        <source>The {heading} column has {count} values that do not say whether the order was paid or cancelled (lines in brackets): {values}. Those {lines} lines were counted as sales.</source>
        <translation>“{heading}”列有 {count} 个值看不出订单是已付款还是已取消（括号内为行数）：{values}。这 {lines} 行已按销售计入。</translation>
    </message>
    <message>
        <source>If some of them mean cancelled or refunded, name them as cancelled statuses (&quot;Also cancelled&quot; in the Import panel, --cancelled-status {first} on the command line) and import again.</source>
        <translation>如果其中有表示已取消或已退款的值，请把它们填为取消状态（导入面板的“也算取消”，命令行用 --cancelled-status {first}），然后重新导入。</translation>
    </message>
    <message>
        <source>{count} groups of product codes differ only in leading zeros (e.g. {examples}); each code was kept as its own product.</source>
        <translation>有 {count} 组商品编码只差前导零（例如 {examples}），每个编码都按单独的商品处理。</translation>
    </message>
    <message>
        <source>If they are one product (spreadsheet programs drop leading zeros), write the code the same way in every row and import again.</source>
        <translation>如果它们是同一商品（表格软件常会去掉前导零），请在每一行用同样的写法填写编码，然后重新导入。</translation>
    </message>
    <message>
        <source>{count} product code spellings differ from another only in letter case (e.g. {examples}); each was joined to its most frequent spelling as one product.</source>
        <translation>{count} 个商品编码的写法与另一个仅大小写不同（例如 {examples}）；各自已并入最常见的写法，视为同一商品。</translation>
    </message>
    <message>
        <source>If letter case tells products apart in your shop, give them codes that differ in more than case and import again.</source>
        <translation>如果您的店铺用大小写区分不同商品，请给它们不只是大小写不同的编码，然后重新导入。</translation>
    </message>
    <message>
        <source>Left out the column(s) {columns}: they hold totals, not a product.</source>
        <translation>略去了列 {columns}：它们是合计，不是产品。</translation>
    </message>
    <message>
        <source>Left out the column(s) {columns}: they hold some numbers, but fewer than 90% of their filled cells are numbers, so they were not read as products.</source>
        <translation>略去了列 {columns}：其中有一些数字，但已填单元格中数字不足 90%，因此没有当作产品读取。</translation>
    </message>
    <message>
        <source>If one is a product, fix its cells that are not numbers.</source>
        <translation>如果其中某列是产品，请修正其中不是数字的单元格。</translation>
    </message>
    <message>
        <source>{cells} cells of the date column are Excel day numbers (e.g. {example}), read as dates ({example} = {date}).</source>
        <translation>日期列中有 {cells} 个单元格是 Excel 日期序号（例如 {example}），已按日期读取（{example} = {date}）。</translation>
    </message>
    <message>
        <source>A spreadsheet shows a date as such a number when the cell lost its date format; format the column as dates to see them.</source>
        <translation>单元格丢失日期格式时，表格软件会把日期显示为这样的数字；将该列设为日期格式即可看到日期。</translation>
    </message>
    <message>
        <source>{cells} cells in the {role} column are not numbers (e.g. &apos;{example}&apos;); they were left empty.</source>
        <translation>{role}列中有 {cells} 个单元格不是数字（例如“{example}”）；已留空。</translation>
    </message>
    <message>
        <source>{count} row(s) have a date far from all the others, which run from {first} to {last}: rows {rows}. They were set aside.</source>
        <translation>{count} 行的日期远离其他所有日期（其他日期从 {first} 到 {last}）：第 {rows} 行。已搁置。</translation>
    </message>
    <message>
        <source>{count} row(s) have a date far from all the others, which run from {first} to {last}: rows {rows} and {more} more. They were set aside.</source>
        <translation>{count} 行的日期远离其他所有日期（其他日期从 {first} 到 {last}）：第 {rows} 行，另有 {more} 行。已搁置。</translation>
    </message>
    <message>
        <source>If a year is mistyped, correct it in the file and import it again.</source>
        <translation>如果年份输错了，请在文件中改正后重新导入。</translation>
    </message>
    <message>
        <source>{count} products were left out by the import rules: {products}.</source>
        <translation>{count} 个产品被导入规则略去：{products}。</translation>
    </message>
    <message>
        <source>{count} products were left out by the import rules: {products} and {more} more.</source>
        <translation>{count} 个产品被导入规则略去：{products}，另有 {more} 个。</translation>
    </message>
    <message>
        <source>See the rules with python main.py import --rules; fix the rows in the file if a product should count.</source>
        <translation>用 python main.py import --rules 查看规则；如果某个产品应当计入，请修正文件中的相应行。</translation>
    </message>
    <message>
        <source>The file is not UTF-8; read it as {encoding}.</source>
        <translation>文件不是 UTF-8 编码；已按 {encoding} 读取。</translation>
    </message>
    <message>
        <source>If letters look wrong, choose the file&apos;s encoding.</source>
        <translation>如果文字显示不对，请选择文件的编码。</translation>
    </message>
    <message>
        <source>Skipped {lines} line(s) above the column names.</source>
        <translation>跳过了列名上方的 {lines} 行。</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>promo</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>its forecasts came closest to what really sold when every model was tried on the past of the {products} {pool} products (next best: {runner_up})</source>
        <translation>在 {products} 个{pool}产品的历史上试用所有模型时，它的预测最接近实际销量（次优：{runner_up}）</translation>
    </message>
    <message>
        <source>the only model that could be tried on the past of the {products} {pool} products</source>
        <translation>唯一能在 {products} 个{pool}产品的历史上试用的模型</translation>
    </message>
    <message>
        <source>its forecasts came closest to what really sold when every model was tried on this product&apos;s past ({windows} tests; next best: {runner_up})</source>
        <translation>在本产品的历史上试用所有模型时，它的预测最接近实际销量（{windows} 次检验；次优：{runner_up}）</translation>
    </message>
    <message>
        <source>its forecast came closest to what really sold when every model was tried on this product&apos;s past (1 test; next best: {runner_up})</source>
        <translation>在本产品的历史上试用所有模型时，它的预测最接近实际销量（1 次检验；次优：{runner_up}）</translation>
    </message>
    <message>
        <source>the only model that could be tried on this product&apos;s past ({windows} tests)</source>
        <translation>唯一能在本产品历史上试用的模型（{windows} 次检验）</translation>
    </message>
    <message>
        <source>the only model that could be tried on this product&apos;s past (1 test)</source>
        <translation>唯一能在本产品历史上试用的模型（1 次检验）</translation>
    </message>
    <message>
        <source>set to {change}</source>
        <translation>设为 {change}</translation>
    </message>
    <message>
        <source>{network}&apos;s forecast scaled x{factor} so that, over the products of its pool that sold about as much lately, it adds up to their sales of the last {periods} periods</source>
        <translation>{network} 的预测乘以 {factor}，使该组中近期销量相近的产品的预测合计等于它们最近 {periods} 期的销量</translation>
    </message>
    <message>
        <source>{change} %</source>
        <translation>{change}%</translation>
    </message>
    <message>
        <source>{change} units per period</source>
        <translation>每期 {change} 件</translation>
    </message>
    <message>
        <source>about {forecast} units are expected to sell in the {days} days until an order placed at the next review arrives (lead time {lead} + review {review} days)</source>
        <translation>在下次检查时下的订单到货之前的 {days} 天内（交货期 {lead} 天 + 检查周期 {review} 天），预计约售出 {forecast} 件</translation>
    </message>
    <message>
        <source>how far off forecasts were over the same span is learned from {windows} backtest windows of {products} similar products ({group})</source>
        <translation>同样时长内预测的偏差来自 {products} 个相似商品（{group}）的 {windows} 个回测窗口</translation>
    </message>
    <message>
        <source>too few backtests to learn from, so the spread comes from this product&apos;s own sales over {spans} past spans of the same length</source>
        <translation>回测太少，无法从中学习，因此波动取自该商品过去 {spans} 个同样时长的销量</translation>
    </message>
    <message>
        <source>too little history to learn from, so units are assumed to sell one by one at random around the forecast</source>
        <translation>历史太短，无法从中学习，因此假设商品围绕预测值逐件随机售出</translation>
    </message>
    <message>
        <source>with {position} on hand and on order, {need} more are needed</source>
        <translation>现有库存加在途共 {position}，还需要 {need}</translation>
    </message>
    <message>
        <source>order {order} for the minimum order of {moq} and packs of {pack}</source>
        <translation>按最小起订量 {moq} 和每包 {pack} 件，订购 {order}</translation>
    </message>
    <message>
        <source>with {position} on hand and on order, nothing needs ordering now</source>
        <translation>现有库存加在途共 {position}，目前无需订货</translation>
    </message>
    <message>
        <source>no stock figure for this product: add it to the stock file or type it in</source>
        <translation>该商品没有库存数：请在库存文件中添加或直接输入</translation>
    </message>
    <message>
        <source>long</source>
        <translation>长表</translation>
    </message>
    <message>
        <source>wide</source>
        <translation>宽表</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>wide orders</source>
        <translation>宽订单表</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>erratic</source>
        <translation>波动</translation>
    </message>
    <message>
        <source>intermittent</source>
        <translation>间歇</translation>
    </message>
    <message>
        <source>lumpy</source>
        <translation>块状</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>month</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>period</source>
        <translation>期</translation>
    </message>
    <message>
        <source>periods</source>
        <translation>期</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消订单</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>取消单</translation>
    </message>
    <message>
        <source>cancelled order line</source>
        <translation>被取消的订单行</translation>
    </message>
    <message>
        <source>mostly-text column</source>
        <translation>以文字为主的列</translation>
    </message>
    <message>
        <source>non-positive price</source>
        <translation>价格非正</translation>
    </message>
    <message>
        <source>non-product code</source>
        <translation>非商品编码</translation>
    </message>
    <message>
        <source>partial period</source>
        <translation>不完整时段</translation>
    </message>
    <message>
        <source>total row</source>
        <translation>合计行</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>缺日期</translation>
    </message>
    <message>
        <source>no quantity</source>
        <translation>缺数量</translation>
    </message>
    <message>
        <source>no product</source>
        <translation>缺产品</translation>
    </message>
    <message>
        <source>date far from the rest</source>
        <translation>日期远离其余数据</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>all demand classes</source>
        <translation>所有需求类型</translation>
    </message>
    <message>
        <source>demand class unknown</source>
        <translation>需求类型未知</translation>
    </message>
    <message>
        <source>price elasticities</source>
        <translation>价格弹性</translation>
    </message>
    <message>
        <source>the trained networks</source>
        <translation>已训练的神经网络</translation>
    </message>
    <message>
        <source>Model choice</source>
        <translation>模型选择</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>The file cannot be read: {error}.</source>
        <translation>无法读取该文件：{error}。</translation>
    </message>
    <message>
        <source>Check that you may open it and that no other program holds it.</source>
        <translation>请确认您有权限打开它，且没有其他程序占用它。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>Check the path and the file name.</source>
        <translation>请检查路径和文件名。</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>这是一个文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Choose a sales file inside it.</source>
        <translation>请选择其中的销售文件。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>Export the sales history again.</source>
        <translation>请重新导出销售历史。</translation>
    </message>
    <message>
        <source>Export the sales history again; the file has no rows.</source>
        <translation>请重新导出销售历史；该文件没有任何行。</translation>
    </message>
    <message>
        <source>This is not a table: no line has more than one column.</source>
        <translation>这不是表格：没有一行多于一列。</translation>
    </message>
    <message>
        <source>A sales file needs at least a date column and a quantity column, separated by commas, semicolons or tabs.</source>
        <translation>销售文件至少需要日期列和数量列，以逗号、分号或制表符分隔。</translation>
    </message>
    <message>
        <source>This row has {saw} values but the header has {want} columns.</source>
        <translation>这一行有 {saw} 个值，但表头有 {want} 列。</translation>
    </message>
    <message>
        <source>A value probably contains the separator without quotes around it; fix that row or export the file again with quoted text.</source>
        <translation>可能有值包含分隔符却没有加引号；请修正这一行，或重新导出带引号文本的文件。</translation>
    </message>
    <message>
        <source>The table cannot be read: {error}</source>
        <translation>无法读取表格：{error}</translation>
    </message>
    <message>
        <source>Check that the file is a CSV, TSV or Excel export.</source>
        <translation>请确认文件是 CSV、TSV 或 Excel 导出文件。</translation>
    </message>
    <message>
        <source>The table cannot be read: {error}.</source>
        <translation>无法读取表格：{error}。</translation>
    </message>
    <message>
        <source>Check the separator and the quoting of the file.</source>
        <translation>请检查文件的分隔符和引号。</translation>
    </message>
    <message>
        <source>The compressed file is damaged ({error}).</source>
        <translation>压缩文件已损坏（{error}）。</translation>
    </message>
    <message>
        <source>Download or export the file again.</source>
        <translation>请重新下载或导出该文件。</translation>
    </message>
    <message>
        <source>This is an old Excel (.xls) or other Office file, which is not read.</source>
        <translation>这是旧版 Excel（.xls）或其他 Office 文件，无法读取。</translation>
    </message>
    <message>
        <source>Open it in Excel or LibreOffice and save it as .xlsx or CSV.</source>
        <translation>请在 Excel 或 LibreOffice 中打开，另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>This is a PDF document, not a table.</source>
        <translation>这是 PDF 文档，不是表格。</translation>
    </message>
    <message>
        <source>Export the sales as CSV or Excel from your shop system.</source>
        <translation>请从网店系统中将销售数据导出为 CSV 或 Excel。</translation>
    </message>
    <message>
        <source>This is a binary file, not a table of text.</source>
        <translation>这是二进制文件，不是文本表格。</translation>
    </message>
    <message>
        <source>Choose a CSV, TSV or .xlsx export of your sales.</source>
        <translation>请选择销售数据的 CSV、TSV 或 .xlsx 导出文件。</translation>
    </message>
    <message>
        <source>This is a web page or XML document, not a table.</source>
        <translation>这是网页或 XML 文档，不是表格。</translation>
    </message>
    <message>
        <source>Save the sales as CSV or Excel instead.</source>
        <translation>请将销售数据另存为 CSV 或 Excel。</translation>
    </message>
    <message>
        <source>This looks like JSON, not a table.</source>
        <translation>这看起来是 JSON，不是表格。</translation>
    </message>
    <message>
        <source>Export the sales as CSV or Excel instead.</source>
        <translation>请将销售数据导出为 CSV 或 Excel。</translation>
    </message>
    <message>
        <source>The file cannot be read as {encoding} ({error}).</source>
        <translation>无法按 {encoding} 编码读取该文件（{error}）。</translation>
    </message>
    <message>
        <source>Choose another encoding, or leave it on automatic.</source>
        <translation>请选择其他编码，或保留自动识别。</translation>
    </message>
    <message>
        <source>The Excel file cannot be read ({error}).</source>
        <translation>无法读取该 Excel 文件（{error}）。</translation>
    </message>
    <message>
        <source>Open it in Excel or LibreOffice and save it again.</source>
        <translation>请在 Excel 或 LibreOffice 中打开并重新保存。</translation>
    </message>
    <message>
        <source>The workbook has no sheet &apos;{sheet}&apos;.</source>
        <translation>工作簿中没有工作表“{sheet}”。</translation>
    </message>
    <message>
        <source>Check the sheet name; the sheets are {sheets}.</source>
        <translation>请检查工作表名称；现有工作表为 {sheets}。</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; is empty.</source>
        <translation>工作表“{sheet}”是空的。</translation>
    </message>
    <message>
        <source>Choose the sheet that holds the sales.</source>
        <translation>请选择包含销售数据的工作表。</translation>
    </message>
    <message>
        <source>The file is a damaged ZIP or Excel file.</source>
        <translation>该文件是损坏的 ZIP 或 Excel 文件。</translation>
    </message>
    <message>
        <source>Export it again.</source>
        <translation>请重新导出。</translation>
    </message>
    <message>
        <source>This is a ZIP archive, not a table.</source>
        <translation>这是 ZIP 压缩包，不是表格。</translation>
    </message>
    <message>
        <source>Unpack it and choose the CSV or Excel file inside.</source>
        <translation>请解压后选择其中的 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <source>A quote (&quot;) opens a value in this row and closes only lines later, so the rows in between were read as one cell.</source>
        <translation>这一行的某个值以引号（&quot;）开头，几行之后才闭合，因此中间的行被读成了一个单元格。</translation>
    </message>
    <message>
        <source>Remove the stray quote or close it (a quote inside a value is written twice: &quot;&quot;), then import the file again.</source>
        <translation>请删除多余的引号或将其闭合（值中的引号要写两次：&quot;&quot;），然后重新导入文件。</translation>
    </message>
    <message>
        <source>A quote (&quot;) opens a value in this row and is never closed, so every line after it was read as one cell.</source>
        <translation>这一行的某个值以引号（&quot;）开头却从未闭合，因此之后的每一行都被读成了一个单元格。</translation>
    </message>
    <message>
        <source>The file is too large to import in the memory available.</source>
        <translation>文件太大，可用内存不足以导入。</translation>
    </message>
    <message>
        <source>Split it into shorter periods or close other programs.</source>
        <translation>请将其拆分为较短的时间段，或关闭其他程序。</translation>
    </message>
    <message>
        <source>Unexpected problem while importing ({error}).</source>
        <translation>导入时出现意外问题（{error}）。</translation>
    </message>
    <message>
        <source>Please report this together with the file.</source>
        <translation>请连同该文件一起报告此问题。</translation>
    </message>
    <message>
        <source>Unexpected problem while reading ({error}).</source>
        <translation>读取时出现意外问题（{error}）。</translation>
    </message>
    <message>
        <source>Unknown column role &apos;{role}&apos;.</source>
        <translation>未知的列角色“{role}”。</translation>
    </message>
    <message>
        <source>Use one of: {choices}.</source>
        <translation>请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>There is no column &apos;{name}&apos; for the {role}.</source>
        <translation>没有用作{role}的列“{name}”。</translation>
    </message>
    <message>
        <source>Columns are: {columns}.</source>
        <translation>现有列为：{columns}。</translation>
    </message>
    <message>
        <source>Unknown frequency &apos;{value}&apos;.</source>
        <translation>未知的频率“{value}”。</translation>
    </message>
    <message>
        <source>Use D (daily), W (weekly) or M (monthly).</source>
        <translation>请使用 D（每日）、W（每周）或 M（每月）。</translation>
    </message>
    <message>
        <source>Unknown layout &apos;{value}&apos;.</source>
        <translation>未知的表格布局“{value}”。</translation>
    </message>
    <message>
        <source>Unknown series end &apos;{value}&apos;.</source>
        <translation>未知的序列结束方式“{value}”。</translation>
    </message>
    <message>
        <source>The file has column names but no rows of data.</source>
        <translation>文件有列名，但没有数据行。</translation>
    </message>
    <message>
        <source>Export the sales history again, including its rows.</source>
        <translation>请重新导出销售历史，包括数据行。</translation>
    </message>
    <message>
        <source>The file has a single row of data; a forecast needs a history.</source>
        <translation>文件只有一行数据；预测需要一段历史。</translation>
    </message>
    <message>
        <source>Export several days, weeks or months of sales.</source>
        <translation>请导出若干天、周或月的销售数据。</translation>
    </message>
    <message>
        <source>No sales are left to import after cleaning.</source>
        <translation>清理后没有剩下可导入的销售数据。</translation>
    </message>
    <message>
        <source>Check that the quantity column holds units sold.</source>
        <translation>请确认数量列记录的是售出件数。</translation>
    </message>
    <message>
        <source>Rows removed: {rules}. Check the column roles.</source>
        <translation>被规则删除的行：{rules}。请检查列角色。</translation>
    </message>
    <message>
        <source>No product has a sale above 0.</source>
        <translation>没有任何商品的销量大于 0。</translation>
    </message>
    <message>
        <source>Check the quantity column.</source>
        <translation>请检查数量列。</translation>
    </message>
    <message>
        <source>All sales fall in one {unit} ({date}); a forecast needs at least two periods.</source>
        <translation>所有销售都落在同一个{unit}（{date}）；预测至少需要两个周期。</translation>
    </message>
    <message>
        <source>Export a longer history or choose a shorter frequency.</source>
        <translation>请导出更长的历史，或选择更短的频率。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; does not fit the decimal mark &apos;{decimal}&apos; that was detected ({cells} cells like it in this column).</source>
        <translation>“{value}”与检测到的小数点“{decimal}”不符（此列中有 {cells} 个类似单元格）。</translation>
    </message>
    <message>
        <source>Choose the decimal mark &apos;{other}&apos; (--decimal {other} on the command line) if the file uses it; otherwise correct these cells.</source>
        <translation>如果文件使用小数点“{other}”，请选择它（命令行用 --decimal {other}）；否则请更正这些单元格。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; does not fit the decimal mark &apos;{decimal}&apos; that was chosen ({cells} cells like it in this column).</source>
        <translation>“{value}”与所选的小数点“{decimal}”不符（此列中有 {cells} 个类似单元格）。</translation>
    </message>
    <message>
        <source>{products} products from {first} to {last} make {cells} product-{units}, too many to hold in memory.</source>
        <translation>{products} 个商品从 {first} 到 {last} 共 {cells} 个商品周期（{units}），内存放不下。</translation>
    </message>
    <message>
        <source>Check the dates for mistyped years, choose a coarser frequency (--freq W or M), or import a shorter period.</source>
        <translation>请检查日期中是否有输错的年份，选择更粗的频率（--freq W 或 M），或导入更短的时间段。</translation>
    </message>
    <message>
        <source>Mixed frequencies: the dates are spaced in {mix}, read month-first; they could be day-first or month-first (01/02/2024 is 1 February or 2 January).</source>
        <translation>频率混杂：日期间隔为 {mix}（按月在前读取）；日期可能是日在前也可能是月在前（01/02/2024 可以是 2 月 1 日或 1 月 2 日）。</translation>
    </message>
    <message>
        <source>Choose the date order (--dayfirst or --monthfirst on the command line); if the mix remains, choose one frequency (--freq D, W or M).</source>
        <translation>请选择日期顺序（命令行用 --dayfirst 或 --monthfirst）；如果仍然混杂，请选择一种频率（--freq D、W 或 M）。</translation>
    </message>
    <message>
        <source>Mixed frequencies: the dates are spaced in {mix}.</source>
        <translation>频率混杂：日期间隔为 {mix}。</translation>
    </message>
    <message>
        <source>Choose one frequency (--freq D, W or M; the Frequency box in the Import panel) and the sales are added up to it.</source>
        <translation>请选择一种频率（--freq D、W 或 M；或导入面板中的“频率”框），销售将按该频率汇总。</translation>
    </message>
    <message>
        <source>The orders do not cover one complete {unit}.</source>
        <translation>订单没有覆盖一个完整的{unit}。</translation>
    </message>
    <message>
        <source>Import them daily, or keep the incomplete periods.</source>
        <translation>请按日导入，或保留不完整的周期。</translation>
    </message>
    <message>
        <source>This product code is {length} characters long (at most {most} are accepted).</source>
        <translation>此商品编码长 {length} 个字符（最多接受 {most} 个）。</translation>
    </message>
    <message>
        <source>The column probably holds other text: choose the product column (--id-col, or the Import panel&apos;s role boxes) or fix this cell.</source>
        <translation>该列可能包含其他文本：请选择商品列（--id-col 或导入面板中的角色框），或修正此单元格。</translation>
    </message>
    <message>
        <source>No date column found.</source>
        <translation>没有找到日期列。</translation>
    </message>
    <message>
        <source>Choose the column that holds the dates (--date-col in the command line, the Date box in the Import panel). Columns are: {columns}.</source>
        <translation>请选择包含日期的列（命令行用 --date-col，或导入面板中的“日期”框）。现有列为：{columns}。</translation>
    </message>
    <message>
        <source>No {role} column found.</source>
        <translation>没有找到{role}列。</translation>
    </message>
    <message>
        <source>Choose the {role} column ({flag} in the command line, the Import panel&apos;s role boxes). Columns are: {columns}.</source>
        <translation>请选择{role}列（命令行用 {flag}，或导入面板中的角色框）。现有列为：{columns}。</translation>
    </message>
    <message>
        <source>No quantity or product columns found.</source>
        <translation>没有找到数量列或商品列。</translation>
    </message>
    <message>
        <source>A long table needs product and quantity columns; a wide table needs one numeric column per product. Choose the columns in the Import panel or on the command line.</source>
        <translation>长表需要商品列和数量列；宽表需要每个商品一个数值列。请在导入面板或命令行中选择列。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date.</source>
        <translation>“{value}”不是日期。</translation>
    </message>
    <message>
        <source>Dates must look like 2024-01-31, 31/01/2024 or 01/31/2024; fix these cells or choose another date column.</source>
        <translation>日期应形如 2024-01-31、31/01/2024 或 01/31/2024；请修正这些单元格，或选择其他日期列。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>Quantities must be numbers such as 3 or 2.5 (or 2,5 with a decimal comma); fix these cells or choose another quantity column.</source>
        <translation>数量必须是数字，例如 3 或 2.5（使用小数逗号时为 2,5）；请修正这些单元格，或选择其他数量列。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is too large to be a quantity.</source>
        <translation>“{value}”太大，不可能是数量。</translation>
    </message>
    <message>
        <source>Correct these cells (a stray exponent such as 1e308, digits typed twice?) or choose another column.</source>
        <translation>请更正这些单元格（多余的指数，如 1e308？数字输入了两遍？），或选择其他列。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is too large to be a price.</source>
        <translation>“{value}”太大，不可能是价格。</translation>
    </message>
    <message>
        <source>{count} more cells have the same problem.</source>
        <translation>另有 {count} 个单元格有同样的问题。</translation>
    </message>
    <message>
        <source>{count} more rows in column &apos;{name}&apos; have the same problem.</source>
        <translation>“{name}”列中另有 {count} 行有同样的问题。</translation>
    </message>
    <message>
        <source>Could not save the project to {path}: {error}.</source>
        <translation>无法将项目保存到 {path}：{error}。</translation>
    </message>
    <message>
        <source>The project {name} does not exist.</source>
        <translation>项目 {name} 不存在。</translation>
    </message>
    <message>
        <source>{name} is not a Trendcast project.</source>
        <translation>{name} 不是 Trendcast 项目。</translation>
    </message>
    <message>
        <source>{name} is not a Trendcast project (it is a zip file without a Trendcast manifest).</source>
        <translation>{name} 不是 Trendcast 项目（它是一个没有 Trendcast 清单的 zip 文件）。</translation>
    </message>
    <message>
        <source>The project {name} is damaged and cannot be opened ({error}). Open an earlier copy, or import the sales file again.</source>
        <translation>项目 {name} 已损坏，无法打开（{error}）。请打开较早的副本，或重新导入销售文件。</translation>
    </message>
    <message>
        <source>{name} unpacks to {size} GB; refusing to open it.</source>
        <translation>{name} 解压后有 {size} GB；拒绝打开。</translation>
    </message>
    <message>
        <source>{name} was saved by a newer version of Trendcast (project format {version}; this version reads up to {supported}). Please update Trendcast to open it.</source>
        <translation>{name} 由更新版本的 Trendcast 保存（项目格式 {version}；本版本最多读取 {supported}）。请更新 Trendcast 后再打开。</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}.</source>
        <translation>无法写入 {path}：{error}。</translation>
    </message>
    <message>
        <source>There is no what-if to export yet: apply a plan first.</source>
        <translation>还没有可导出的假设分析：请先应用一个计划。</translation>
    </message>
    <message>
        <source>The overrides file {path} does not exist.</source>
        <translation>调整记录文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>Could not read the overrides file {path}: {error}.</source>
        <translation>无法读取调整记录文件 {path}：{error}。</translation>
    </message>
    <message>
        <source>{name} is not valid JSON (line {line}, column {column}: {error}); fix it or export the journal again.</source>
        <translation>{name} 不是有效的 JSON（第 {line} 行，第 {column} 列：{error}）；请修正它，或重新导出调整记录。</translation>
    </message>
    <message>
        <source>Stock file not found: {path}</source>
        <translation>找不到库存文件：{path}</translation>
    </message>
    <message>
        <source>Could not read stock file {path}: {error}</source>
        <translation>无法读取库存文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path}: no {role} column; the stock file needs a product id column (unique_id, sku or product_id) and an on_hand column. Columns found: {columns}</source>
        <translation>{path}：没有 {role} 列；库存文件需要一个商品编号列（unique_id、sku 或 product_id）和一个 on_hand 列。找到的列：{columns}</translation>
    </message>
    <message>
        <source>{path}, row {row}: product {product} is listed twice; keep one row per product</source>
        <translation>{path}，第 {row} 行：商品 {product} 出现了两次；每个商品只保留一行</translation>
    </message>
    <message>
        <source>{path}, row {row}, column {role}: &apos;{value}&apos; is not a number; write a plain number such as 12 or 2.5</source>
        <translation>{path}，第 {row} 行，{role} 列：“{value}”不是数字；请填写普通数字，例如 12 或 2.5</translation>
    </message>
    <message>
        <source>{path}, row {row}, column {role}: {value} cannot be negative (count what is on the shelf)</source>
        <translation>{path}，第 {row} 行，{role} 列：{value} 不能为负数（请清点货架上的数量）</translation>
    </message>
    <message>
        <source>{path}, row {row}, column {role}: {value} cannot be negative</source>
        <translation>{path}，第 {row} 行，{role} 列：{value} 不能为负数</translation>
    </message>
    <message>
        <source>{path}, row {row}, column {role}: {value} must be more than 0</source>
        <translation>{path}，第 {row} 行，{role} 列：{value} 必须大于 0</translation>
    </message>
    <message>
        <source>{path}, row {row}, column {role}: {value} must be between 0 and 1, e.g. 0.95</source>
        <translation>{path}，第 {row} 行，{role} 列：{value} 必须在 0 和 1 之间，例如 0.95</translation>
    </message>
    <message>
        <source>The forecast covers {have} periods, but the longest lead time + review period needs {needed}: forecast at least {needed} periods ahead or shorten the lead time</source>
        <translation>预测只覆盖 {have} 个周期，但最长的交货期加盘点周期需要 {needed} 个：请至少预测 {needed} 个周期，或缩短交货期</translation>
    </message>
    <message>
        <source>The what-if plan has no changes yet: add a price change first.</source>
        <translation>假设计划还没有任何变更：请先添加一个价格变更。</translation>
    </message>
    <message>
        <source>No forecast period falls inside the planned dates: the forecast covers {first} to {last}.</source>
        <translation>没有预测周期落在计划的日期内：预测覆盖 {first} 至 {last}。</translation>
    </message>
    <message>
        <source>This forecast has no trained network that reads prices. Train LSTM, Transformer or TCN on data with prices, or use the price-elasticity method.</source>
        <translation>此预测没有读取价格的已训练网络。请在含价格的数据上训练 LSTM、Transformer 或 TCN，或使用价格弹性方法。</translation>
    </message>
    <message>
        <source>What-if change {change} names products the forecast does not have: {products}.</source>
        <translation>假设变更 {change} 指定了预测中没有的商品：{products}。</translation>
    </message>
    <message>
        <source>What-if change {change}: no product is in category &apos;{category}&apos;.</source>
        <translation>假设变更 {change}：没有商品属于类别“{category}”。</translation>
    </message>
    <message>
        <source>None of the trained networks reads prices or promotions, so they cannot answer a what-if. Use the price-elasticity method, or train a network on data with a price column.</source>
        <translation>已训练的网络都不读取价格或促销，因此无法回答假设分析。请使用价格弹性方法，或在含价格列的数据上训练网络。</translation>
    </message>
    <message>
        <source>The data has no prices, so the effect of a price change cannot be estimated. Import a file with a price column.</source>
        <translation>数据中没有价格，因此无法估计价格变化的影响。请导入带价格列的文件。</translation>
    </message>
    <message>
        <source>What-if percent: A price change of {percent}% is outside {low}% .. {high}%.</source>
        <translation>假设百分比：价格变动 {percent}% 超出 {low}% .. {high}% 的范围。</translation>
    </message>
    <message>
        <source>What-if end: The change ends ({end}) before it starts ({start}).</source>
        <translation>假设结束日期：变更的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>Override value: A forecast cannot be set to {value} units; use 0 or more.</source>
        <translation>调整值：预测不能设为 {value} 件；请使用 0 或更大的数。</translation>
    </message>
    <message>
        <source>Override value: {value} % would make sales negative; use -100 % or more.</source>
        <translation>调整值：{value} % 会使销量为负；请使用 -100 % 或更大的数。</translation>
    </message>
    <message>
        <source>Override end: The range ends ({end}) before it starts ({start}).</source>
        <translation>调整结束日期：范围的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>A scenario needs a name.</source>
        <translation>情景需要一个名称。</translation>
    </message>
    <message>
        <source>A scenario name can have at most {most} characters, not {length}.</source>
        <translation>情景名称最多 {most} 个字符，而不是 {length} 个。</translation>
    </message>
    <message>
        <source>There is already a scenario named &apos;{name}&apos;; choose another name.</source>
        <translation>已经有名为“{name}”的情景；请另选一个名称。</translation>
    </message>
    <message>
        <source>{model}: the season length must be a whole number of periods, at least 1; got {value}.</source>
        <translation>{model}：季节长度必须是至少 1 的整周期数；当前为 {value}。</translation>
    </message>
    <message>
        <source>{model}: &apos;{setting}&apos; ({param}) must be one of {choices}; got {value}.</source>
        <translation>{model}：“{setting}”（{param}）必须是 {choices} 之一；当前为 {value}。</translation>
    </message>
    <message>
        <source>{model}: &apos;{setting}&apos; ({param}) must be a whole number; got {value}.</source>
        <translation>{model}：“{setting}”（{param}）必须是整数；当前为 {value}。</translation>
    </message>
    <message>
        <source>{model}: &apos;{setting}&apos; ({param}) must be a number; got {value}.</source>
        <translation>{model}：“{setting}”（{param}）必须是数字；当前为 {value}。</translation>
    </message>
    <message>
        <source>{model}: &apos;{setting}&apos; ({param}) must be between {low} and {high}; got {value}.</source>
        <translation>{model}：“{setting}”（{param}）必须在 {low} 到 {high} 之间；当前为 {value}。</translation>
    </message>
    <message>
        <source>{model}: &apos;{setting}&apos; ({param}) must be true or false; got {value}.</source>
        <translation>{model}：“{setting}”（{param}）必须为是或否；当前为 {value}。</translation>
    </message>
    <message>
        <source>{model} needs at least {need} {units} of history; the longest product has {longest}.</source>
        <translation>{model} 至少需要 {need} 个{units}的历史；最长的产品只有 {longest} 个。</translation>
    </message>
    <message>
        <source>Interval levels are percentages between 0 and 100 (e.g. 80, 95); got {levels}.</source>
        <translation>区间水平是 0 到 100 之间的百分数（例如 80、95）；当前为 {levels}。</translation>
    </message>
    <message>
        <source>Unknown model &apos;{name}&apos;. Available: {available}.</source>
        <translation>未知模型“{name}”。可用模型：{available}。</translation>
    </message>
    <message>
        <source>Unknown ensemble member(s): {names}.</source>
        <translation>未知的组合成员：{names}。</translation>
    </message>
    <message>
        <source>The horizon and the number of windows must be at least 1.</source>
        <translation>预测期数和回测窗口数都必须至少为 1。</translation>
    </message>
    <message>
        <source>Unsafe model file name &apos;{name}&apos;.</source>
        <translation>模型文件名“{name}”不安全。</translation>
    </message>
    <message>
        <source>The model files in {where} are not a saved Trendcast model (meta.json does not name one).</source>
        <translation>{where} 中的模型文件不是已保存的 Trendcast 模型（meta.json 未指明模型）。</translation>
    </message>
    <message>
        <source>The model files in {where} name {name}, which cannot be loaded from files.</source>
        <translation>{where} 中的模型文件指明的是 {name}，该模型无法从文件载入。</translation>
    </message>
    <message>
        <source>These files are not a saved Trendcast model ({error}).</source>
        <translation>这些文件不是已保存的 Trendcast 模型（{error}）。</translation>
    </message>
    <message>
        <source>{name} models cannot be loaded from files.</source>
        <translation>{name} 模型无法从文件载入。</translation>
    </message>
    <message>
        <source>{where} does not hold a saved neural model ({error}).</source>
        <translation>{where} 中没有已保存的神经网络模型（{error}）。</translation>
    </message>
    <message>
        <source>The network in {where} was saved in format {version} by a newer Trendcast; this version reads format {supported}.</source>
        <translation>{where} 中的网络由更新版本的 Trendcast 以格式 {version} 保存；此版本只能读取格式 {supported}。</translation>
    </message>
    <message>
        <source>The network in {where} is damaged: {error}.</source>
        <translation>{where} 中的网络已损坏：{error}。</translation>
    </message>
    <message>
        <source>The network in {where} is damaged: {files} missing.</source>
        <translation>{where} 中的网络已损坏：缺少 {files}。</translation>
    </message>
    <message>
        <source>The network in {where} is damaged: model.keras is not a Keras file.</source>
        <translation>{where} 中的网络已损坏：model.keras 不是 Keras 文件。</translation>
    </message>
    <message>
        <source>The network in {where} could not be read: {error}</source>
        <translation>无法读取 {where} 中的网络：{error}</translation>
    </message>
    <message>
        <source>{where} holds a {found} model, not {wanted}.</source>
        <translation>{where} 中保存的是 {found} 模型，而不是 {wanted}。</translation>
    </message>
    <message>
        <source>Only a trained model can be saved.</source>
        <translation>只有训练过的模型才能保存。</translation>
    </message>
    <message>
        <source>Fit or load a model before fine-tuning it.</source>
        <translation>请先训练或载入模型，再进行微调。</translation>
    </message>
    <message>
        <source>There is no product to train on.</source>
        <translation>没有可用于训练的产品。</translation>
    </message>
    <message>
        <source>No product has enough history to cut a training window.</source>
        <translation>没有任何产品的历史足以切出一个训练窗口。</translation>
    </message>
    <message>
        <source>{model} needs at least {need} periods of history for a horizon of {horizon}.</source>
        <translation>{model} 在预测期为 {horizon} 时至少需要 {need} 个周期的历史。</translation>
    </message>
    <message>
        <source>Fine-tuning needs data of the frequency the model was trained on.</source>
        <translation>微调需要与模型训练时相同频率的数据。</translation>
    </message>
    <message>
        <source>{model} was trained to forecast {trained} periods; {horizon} were asked for. Train it again with horizon {horizon}.</source>
        <translation>{model} 训练时只预测 {trained} 个周期，现在要求 {horizon} 个。请以预测期 {horizon} 重新训练。</translation>
    </message>
    <message>
        <source>Neural models give intervals up to {most}%; {level}% was asked for.</source>
        <translation>神经网络模型给出的区间最多到 {most}%；现在要求 {level}%。</translation>
    </message>
    <message>
        <source>{source}: the embedding cache cannot be read ({error}); delete it and the embeddings are computed again.</source>
        <translation>{source}：无法读取标题向量缓存（{error}）；删除它后会重新计算。</translation>
    </message>
    <message>
        <source>{source}: the embedding cache has {titles} titles but {vectors} vectors; delete it and they are computed again.</source>
        <translation>{source}：标题向量缓存中有 {titles} 个标题，却有 {vectors} 个向量；删除它后会重新计算。</translation>
    </message>
    <message>
        <source>--cluster {text}: the worker count after &apos;local:&apos; must be a whole number of at least 1, e.g. local:2.</source>
        <translation>--cluster {text}：“local:”后的进程数必须是至少为 1 的整数，例如 local:2。</translation>
    </message>
    <message>
        <source>--cluster {text}: expected local, local:N, sync or a scheduler address like tcp://HOST:8786.</source>
        <translation>--cluster {text}：应为 local、local:N、sync 或调度器地址（如 tcp://HOST:8786）。</translation>
    </message>
    <message>
        <source>--cluster needs Dask distributed, which is not installed: pip install &apos;trendcast[cluster]&apos; (or pip install -e .[cluster] in a checkout).</source>
        <translation>--cluster 需要 Dask distributed，但尚未安装：pip install &apos;trendcast[cluster]&apos;（在源码目录中用 pip install -e .[cluster]）。</translation>
    </message>
    <message>
        <source>--cluster {address}: no Dask scheduler answered within {timeout} ({error}). Check the address and port, or start one with `dask scheduler` and workers with `dask worker ADDRESS`.</source>
        <translation>--cluster {address}：{timeout} 内没有 Dask 调度器应答（{error}）。请检查地址和端口，或用 `dask scheduler` 启动调度器、用 `dask worker ADDRESS` 启动工作进程。</translation>
    </message>
    <message>
        <source>--cluster {address}: the scheduler has no workers (waited {seconds} s). Start some with `dask worker {address}` on machines where Trendcast is installed.</source>
        <translation>--cluster {address}：调度器没有工作进程（已等待 {seconds} 秒）。请在装有 Trendcast 的机器上用 `dask worker {address}` 启动工作进程。</translation>
    </message>
    <message>
        <source>Reorder settings: {problems}</source>
        <translation>补货设置：{problems}</translation>
    </message>
    <message>
        <source>lead time must be 0 days or more, got {value}</source>
        <translation>交货期必须为 0 天或更多，当前为 {value}</translation>
    </message>
    <message>
        <source>service level must be between 0 and 1 (e.g. 0.95), got {value}</source>
        <translation>服务水平必须在 0 到 1 之间（例如 0.95），当前为 {value}</translation>
    </message>
    <message>
        <source>service level of class {abc} must be between 0 and 1 (e.g. 0.95), got {value}</source>
        <translation>{abc} 类的服务水平必须在 0 到 1 之间（例如 0.95），当前为 {value}</translation>
    </message>
    <message>
        <source>lead time of supplier {supplier} must be 0 days or more, got {value}</source>
        <translation>供应商 {supplier} 的交货期必须为 0 天或更多，当前为 {value}</translation>
    </message>
    <message>
        <source>service measure must be cycle or fill, got {value}</source>
        <translation>服务衡量方式必须是周期服务或满足率，当前为 {value}</translation>
    </message>
    <message>
        <source>review period must be 0 days or more, got {value}</source>
        <translation>盘点周期必须为 0 天或更多，当前为 {value}</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>{unit} ({count} steps)</source>
        <translation>{unit}（{count} 步）</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
</context>
<context>
    <name>DecompositionView</name>
    <message>
        <source>Sales</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Seasonality</source>
        <translation>季节性</translation>
    </message>
    <message>
        <source>Remainder</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Seasons estimated: {periods} periods.</source>
        <translation>已估计的季节周期：{periods} 期。</translation>
    </message>
    <message>
        <source>No seasonality estimated: the history is shorter than two full seasons.</source>
        <translation>未估计季节性：历史数据不足两个完整周期。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong inside Trendcast: {0}. Your data is unchanged; you can try again. If it keeps happening, please report it with the details below.</source>
        <translation>Trendcast 内部出现了问题：{0}。您的数据没有改变，可以再试一次。如果问题反复出现，请附上下面的详细信息报告给我们。</translation>
    </message>
</context>
<context>
    <name>ExportColumns</name>
    <message>
        <source>unique_id</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <source>title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>ds</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>yhat</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>yhat_model</source>
        <translation>模型预测</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>已手动调整</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>chosen_for_products</source>
        <translation>被选用的商品数</translation>
    </message>
    <message>
        <source>demand_class</source>
        <translation>需求类型</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>选择原因</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>备用方案</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>trend_precision</source>
        <translation>趋势精确率</translation>
    </message>
    <message>
        <source>trend_recall</source>
        <translation>趋势召回率</translation>
    </message>
    <message>
        <source>trend_f1</source>
        <translation>趋势 F1</translation>
    </message>
    <message>
        <source>yhat_base</source>
        <translation>原预测</translation>
    </message>
    <message>
        <source>price_base</source>
        <translation>原价格</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>revenue_base</source>
        <translation>原收入</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>promo</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>elasticity</source>
        <translation>弹性</translation>
    </message>
    <message>
        <source>when</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>periods</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>windows</source>
        <translation>窗口数</translation>
    </message>
    <message>
        <source>products_scored</source>
        <translation>参与评分的商品数</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>zero_scale</source>
        <translation>尺度为零的商品数</translation>
    </message>
    <message>
        <source>mape_zeros_skipped</source>
        <translation>MAPE 跳过的零值数</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>order_qty</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <source>on_hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>on_order</source>
        <translation>在途数量</translation>
    </message>
    <message>
        <source>reorder_point</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>lead_time_days</source>
        <translation>交货期（天）</translation>
    </message>
    <message>
        <source>stockout_date</source>
        <translation>缺货日期</translation>
    </message>
    <message>
        <source>order_value</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>abc_class</source>
        <translation>ABC 分类</translation>
    </message>
    <message>
        <source>inventory_position</source>
        <translation>库存状况</translation>
    </message>
    <message>
        <source>review_days</source>
        <translation>盘点周期（天）</translation>
    </message>
    <message>
        <source>service_level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <source>forecast_lead_time</source>
        <translation>交货期内预测</translation>
    </message>
    <message>
        <source>forecast_lead_review</source>
        <translation>交货期加盘点期内预测</translation>
    </message>
    <message>
        <source>safety_stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>days_of_cover</source>
        <translation>可供天数</translation>
    </message>
    <message>
        <source>revenue_at_risk</source>
        <translation>风险收入</translation>
    </message>
    <message>
        <source>excess_units</source>
        <translation>过剩数量</translation>
    </message>
    <message>
        <source>basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>exceptions</source>
        <translation>例外情况</translation>
    </message>
    <message>
        <source>forecast_basis</source>
        <translation>预测依据</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Model choice</source>
        <translation>模型选择</translation>
    </message>
    <message>
        <source>Metrics per product</source>
        <translation>各商品指标</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <source>What-if plan</source>
        <translation>假设计划</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>手动调整</translation>
    </message>
    <message>
        <source>Purchase list</source>
        <translation>采购清单</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>{column}_lo_{level}</source>
        <translation>{column}下限 {level}%</translation>
    </message>
    <message>
        <source>{column}_hi_{level}</source>
        <translation>{column}上限 {level}%</translation>
    </message>
    <message>
        <source>coverage_{level}</source>
        <translation>覆盖率 {level}%</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Forecast as CSV…</source>
        <translation>预测导出为 CSV…</translation>
    </message>
    <message>
        <source>Model comparison as CSV…</source>
        <translation>模型比较导出为 CSV…</translation>
    </message>
    <message>
        <source>What-if as CSV…</source>
        <translation>假设分析导出为 CSV…</translation>
    </message>
    <message>
        <source>Forecast and metrics as Excel…</source>
        <translation>预测与指标导出为 Excel…</translation>
    </message>
    <message>
        <source>Chart as PNG image…</source>
        <translation>图表导出为 PNG 图片…</translation>
    </message>
    <message>
        <source>One-page PDF report…</source>
        <translation>单页 PDF 报告…</translation>
    </message>
    <message>
        <source>Adjustments as JSON…</source>
        <translation>手动调整（JSON）…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>尚无可导出的内容。</translation>
    </message>
    <message>
        <source>Forecast as CSV (*.csv)</source>
        <translation>预测（CSV 文件）(*.csv)</translation>
    </message>
    <message>
        <source>Model comparison as CSV (*.csv)</source>
        <translation>模型比较（CSV 文件）(*.csv)</translation>
    </message>
    <message>
        <source>What-if as CSV (*.csv)</source>
        <translation>假设分析导出为 CSV (*.csv)</translation>
    </message>
    <message>
        <source>Forecast and metrics as Excel (*.xlsx)</source>
        <translation>预测与指标（Excel 工作簿）(*.xlsx)</translation>
    </message>
    <message>
        <source>Chart as PNG image (*.png)</source>
        <translation>图表（PNG 图片）(*.png)</translation>
    </message>
    <message>
        <source>One-page PDF report (*.pdf)</source>
        <translation>单页 PDF 报告 (*.pdf)</translation>
    </message>
    <message>
        <source>Adjustments as JSON (*.json)</source>
        <translation>手动调整（JSON） (*.json)</translation>
    </message>
    <message>
        <source>Trendcast forecast report</source>
        <translation>Trendcast 销量预测报告</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <source>Could not save {name}: {error}</source>
        <translation>无法保存 {name}：{error}</translation>
    </message>
</context>
<context>
    <name>ExportValues</name>
    <message>
        <source>history</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>new_product</source>
        <translation>新品速率</translation>
    </message>
    <message>
        <source>cold_start</source>
        <translation>相似标题</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>同类产品回测</translation>
    </message>
    <message>
        <source>near_zero</source>
        <translation>同类产品近零预测</translation>
    </message>
    <message>
        <source>own_history</source>
        <translation>自身销量</translation>
    </message>
    <message>
        <source>poisson</source>
        <translation>随机销售假设</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>erratic</source>
        <translation>波动</translation>
    </message>
    <message>
        <source>intermittent</source>
        <translation>间歇</translation>
    </message>
    <message>
        <source>lumpy</source>
        <translation>块状</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>falling</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新品</translation>
    </message>
    <message>
        <source>fading</source>
        <translation>衰退</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>runs_out</source>
        <translation>到货前会断货</translation>
    </message>
    <message>
        <source>excess</source>
        <translation>库存过多</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>呆滞库存</translation>
    </message>
    <message>
        <source>no_stock</source>
        <translation>没有库存数</translation>
    </message>
    <message>
        <source>cycle</source>
        <translation>周期服务水平</translation>
    </message>
    <message>
        <source>fill</source>
        <translation>满足率</translation>
    </message>
    <message>
        <source>elasticity</source>
        <translation>价格弹性</translation>
    </message>
    <message>
        <source>network</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <source>absolute</source>
        <translation>设为定值</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>units</source>
        <translation>每期件数</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ForecastAdjustments</name>
    <message>
        <source>Adjust forecast…</source>
        <translation>调整预测…</translation>
    </message>
    <message>
        <source>Change the forecast of the selected periods in the forecast table, or of the range selected on the chart, by hand</source>
        <translation>手动调整预测表中所选期间或图表上所选范围的预测</translation>
    </message>
    <message>
        <source>Select range</source>
        <translation>选择范围</translation>
    </message>
    <message>
        <source>Drag a range over the chart to adjust it</source>
        <translation>在图表上拖动选择要调整的范围</translation>
    </message>
    <message>
        <source>The selected range holds no forecast period; drag it over the forecast.</source>
        <translation>所选范围内没有预测期间；请把它拖到预测部分上。</translation>
    </message>
    <message>
        <source>Adjust forecast of {product}</source>
        <translation>调整 {product} 的预测</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <source>Units sold</source>
        <translation>销售数量</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Forecast: {model}</source>
        <translation>预测：{model}</translation>
    </message>
    <message>
        <source>What-if plan</source>
        <translation>假设方案</translation>
    </message>
    <message>
        <source>Forecast with your adjustments</source>
        <translation>含手动调整的预测</translation>
    </message>
    <message>
        <source>{level}% range</source>
        <translation>{level}% 区间</translation>
    </message>
    <message>
        <source>Backtest: {model}</source>
        <translation>回测：{model}</translation>
    </message>
</context>
<context>
    <name>ForecastTableModel</name>
    <message>
        <source>Type a number to set this period&apos;s forecast by hand</source>
        <translation>输入数字即可手动设定该期的预测</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <source>No forecast yet. Import sales data and train the models; the results appear here.</source>
        <translation>还没有预测。请先导入销售数据并训练模型，结果会显示在这里。</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>对比模型：</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Forecast table</source>
        <translation>预测表</translation>
    </message>
    <message>
        <source>Model comparison</source>
        <translation>模型比较</translation>
    </message>
    <message>
        <source>Decomposition</source>
        <translation>分解</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>手动调整</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Similar products</source>
        <translation>相似商品</translation>
    </message>
    <message>
        <source>Preparing the forecast view…</source>
        <translation>正在准备预测结果视图…</translation>
    </message>
    <message>
        <source>Show scenario {name}</source>
        <translation>显示方案 {name}</translation>
    </message>
    <message>
        <source>This forecast cannot be shown: {error}</source>
        <translation>无法显示此预测：{error}</translation>
    </message>
    <message>
        <source>chosen per product</source>
        <translation>按产品选择的模型</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Total of every product&apos;s chosen forecast. Bands assume products vary independently.</source>
        <translation>各产品所选预测的合计。区间假设各产品相互独立波动。</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>demand: {kind}</source>
        <translation>需求类型：{kind}</translation>
    </message>
    <message>
        <source>fallback: {why}</source>
        <translation>备用模型：{why}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Model forecast</source>
        <translation>模型预测</translation>
    </message>
    <message>
        <source>{level}% low</source>
        <translation>{level}% 下限</translation>
    </message>
    <message>
        <source>{level}% high</source>
        <translation>{level}% 上限</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>No backtest metrics for this product.</source>
        <translation>该产品没有回测指标。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>80% coverage</source>
        <translation>80% 覆盖率</translation>
    </message>
    <message>
        <source>95% coverage</source>
        <translation>95% 覆盖率</translation>
    </message>
    <message>
        <source>Trend precision</source>
        <translation>趋势精确率</translation>
    </message>
    <message>
        <source>Trend recall</source>
        <translation>趋势召回率</translation>
    </message>
    <message>
        <source>Backtest accuracy over all products. Each product uses the model that was most accurate for it.</source>
        <translation>全部产品的回测准确度。每个产品使用对它最准确的模型。</translation>
    </message>
    <message>
        <source>✓ marks the chosen model: {reason}</source>
        <translation>✓ 表示所选模型：{reason}</translation>
    </message>
    <message>
        <source>Decomposing…</source>
        <translation>正在分解…</translation>
    </message>
    <message>
        <source>Could not decompose this product: {error}</source>
        <translation>无法分解该产品：{error}</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Open a CSV or Excel export of your orders or sales</source>
        <translation>打开订单或销售数据的 CSV 或 Excel 导出文件</translation>
    </message>
    <message>
        <source>Open sample shop</source>
        <translation>打开示例店铺</translation>
    </message>
    <message>
        <source>Try Trendcast with a small example shop</source>
        <translation>用一个小型示例店铺试用 Trendcast</translation>
    </message>
    <message>
        <source>Drop an orders export (CSV or Excel) here, or open one.</source>
        <translation>将订单导出文件（CSV 或 Excel）拖到这里，或点击打开。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The first rows of the file, exactly as read</source>
        <translation>文件的前几行（按读取原样显示）</translation>
    </message>
    <message>
        <source>The file as read</source>
        <translation>读取到的文件</translation>
    </message>
    <message>
        <source>How to read it (detected; change what is wrong)</source>
        <translation>读取方式（已自动识别；如有错误请修改）</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>long: one row per product and date; wide: one column per date; orders: one row per order line</source>
        <translation>长表：每个产品每个日期一行；宽表：每个日期一列；订单：每个订单明细一行</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Add up sales per day, week or month</source>
        <translation>按日、周或月汇总销量</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>表格结构</translation>
    </message>
    <message>
        <source>Sum sales per</source>
        <translation>销量汇总粒度</translation>
    </message>
    <message>
        <source>The sheet of the workbook to read</source>
        <translation>要读取的工作簿工作表</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Cancelled flag</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Which column of the file holds this; (not in file) if none does</source>
        <translation>文件中哪一列包含此项；如果没有，请选“（文件中没有）”</translation>
    </message>
    <message>
        <source>Read again with these choices</source>
        <translation>按这些选择重新读取</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>解决方法</translation>
    </message>
    <message>
        <source>No data loaded yet.</source>
        <translation>尚未载入数据。</translation>
    </message>
    <message>
        <source>Total sales over time</source>
        <translation>总销量走势</translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <source>Sales files ({0});;All files (*)</source>
        <translation>销售文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open sales data</source>
        <translation>打开销售数据</translation>
    </message>
    <message>
        <source>Sample shop</source>
        <translation>示例店铺</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>{0} could not be used; see the validation report below.</source>
        <translation>无法使用 {0}，请查看下方的检查报告。</translation>
    </message>
    <message>
        <source>No data loaded.</source>
        <translation>未载入数据。</translation>
    </message>
    <message>
        <source>the project&apos;s data</source>
        <translation>项目数据</translation>
    </message>
    <message>
        <source>{name}, as imported into the project</source>
        <translation>{name}（项目中导入后的数据）</translation>
    </message>
    <message>
        <source>Reading failed.</source>
        <translation>读取失败。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Reading cancelled.</source>
        <translation>已取消读取。</translation>
    </message>
    <message>
        <source>(not in file)</source>
        <translation>（文件中没有）</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <source>No adjustments yet. Type a number into the forecast table, or select periods there or a range on the chart and press Adjust forecast.</source>
        <translation>还没有手动调整。可在预测表中直接输入数字，或在表中选择期间、在图表上选择范围，然后点击“调整预测”。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove adjustment</source>
        <translation>删除调整</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（协调世界时）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Remove adjustment of {product}</source>
        <translation>删除 {product} 的调整</translation>
    </message>
    <message>
        <source>Edit adjustment of {product}</source>
        <translation>编辑 {product} 的调整</translation>
    </message>
</context>
<context>
    <name>JournalWords</name>
    <message>
        <source>first period</source>
        <translation>第一期</translation>
    </message>
    <message>
        <source>last period</source>
        <translation>最后一期</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Work is running, so the new language is used from the next start of Trendcast.</source>
        <translation>有任务正在运行，新语言将在下次启动 Trendcast 时生效。</translation>
    </message>
</context>
<context>
    <name>LossChart</name>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Neural models report their loss here while they train.</source>
        <translation>神经网络模型训练时会在这里显示损失。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Model setup</source>
        <translation>模型设置</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Forecast view</source>
        <translation>预测结果</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <source>Training cancelled.</source>
        <translation>训练已取消。</translation>
    </message>
    <message>
        <source>Open a sales file or the sample shop to begin.</source>
        <translation>打开销售文件或示例店铺即可开始。</translation>
    </message>
    <message>
        <source>New session: open a sales file to begin.</source>
        <translation>新会话：打开销售文件即可开始。</translation>
    </message>
    <message>
        <source>Loaded {0} products. Next: Model setup.</source>
        <translation>已载入 {0} 个产品。下一步：模型设置。</translation>
    </message>
    <message>
        <source>The file could not be used; see the validation report.</source>
        <translation>无法使用该文件，请查看检查报告。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Forecast ready.</source>
        <translation>预测已完成。</translation>
    </message>
    <message>
        <source>Import sales data first.</source>
        <translation>请先导入销售数据。</translation>
    </message>
    <message>
        <source>Fix the settings marked in red in Model setup first.</source>
        <translation>请先修正“模型设置”中标红的设置。</translation>
    </message>
    <message>
        <source>Train a forecast first.</source>
        <translation>请先训练预测。</translation>
    </message>
    <message>
        <source>Quit Trendcast?</source>
        <translation>退出 Trendcast？</translation>
    </message>
    <message>
        <source>Work is still running. Stop it and quit? Nothing you imported is changed.</source>
        <translation>仍有任务在运行。要停止并退出吗？已导入的数据不会改变。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>ModelNames</name>
    <message>
        <source>Auto (best model per product)</source>
        <translation>自动（每个产品的最佳模型）</translation>
    </message>
    <message>
        <source>Seasonal naive</source>
        <translation>季节性朴素法</translation>
    </message>
    <message>
        <source>Repeats the last full season (last week for daily data); the fallback model.</source>
        <translation>重复最近一个完整周期（日数据为上一周）；作为备用模型。</translation>
    </message>
    <message>
        <source>Naive (last value)</source>
        <translation>朴素法（最后一个值）</translation>
    </message>
    <message>
        <source>Every future period equals the last observed one.</source>
        <translation>未来每一期都等于最后一次观测值。</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>移动平均</translation>
    </message>
    <message>
        <source>Every future period equals the average of the most recent periods.</source>
        <translation>未来每一期都等于最近几期的平均值。</translation>
    </message>
    <message>
        <source>Periods averaged</source>
        <translation>平均的期数</translation>
    </message>
    <message>
        <source>How many recent periods to average. 0 means one season (7 days, 52 weeks or 12 months); shorter products use all they have.</source>
        <translation>对最近多少期取平均。0 表示一个周期（7 天、52 周或 12 个月）；历史较短的产品使用全部数据。</translation>
    </message>
    <message>
        <source>Drift (straight line)</source>
        <translation>漂移法（直线）</translation>
    </message>
    <message>
        <source>Continues the straight line from the first to the last observation: the average change per period carries on.</source>
        <translation>延续从第一次到最后一次观测的直线：每期的平均变化持续下去。</translation>
    </message>
    <message>
        <source>Moving median</source>
        <translation>移动中位数</translation>
    </message>
    <message>
        <source>Every future period equals the median of the most recent periods; one unusually large order does not lift it.</source>
        <translation>未来每一期都等于最近若干期的中位数；一笔异常大的订单不会把它抬高。</translation>
    </message>
    <message>
        <source>Periods in the median</source>
        <translation>中位数的期数</translation>
    </message>
    <message>
        <source>How many recent periods the median is taken over. 0 means a month or so (7 days, 4 weeks or 3 months); shorter products use all they have.</source>
        <translation>取最近多少期的中位数。0 表示约一个月（7 天、4 周或 3 个月）；历史较短的产品使用其全部数据。</translation>
    </message>
    <message>
        <source>New-product rate</source>
        <translation>新产品平均速率</translation>
    </message>
    <message>
        <source>Units sold so far spread evenly over the product&apos;s life and the horizon; the forecast for products too young to backtest.</source>
        <translation>迄今销量平摊到产品已上市的期间和预测期；用于历史太短、无法回测的产品。</translation>
    </message>
    <message>
        <source>Highest rate</source>
        <translation>最高速率</translation>
    </message>
    <message>
        <source>Sales per period no young product is forecast above; 0 means no cap. A forecast run sets it to what the shop&apos;s top tenth of established products sold per period lately.</source>
        <translation>新商品的预测每期不超过此销量；0 表示不设上限。预测运行时会将其设为本店销量前十分之一的成熟商品近期每期的销量。</translation>
    </message>
    <message>
        <source>Exponential smoothing (ETS)</source>
        <translation>指数平滑（ETS）</translation>
    </message>
    <message>
        <source>Weights recent sales more than old ones; picks level, trend and seasonal pattern for each product automatically (lowest AICc).</source>
        <translation>近期销量的权重高于早期；为每个产品自动选择水平、趋势和季节模式（AICc 最低）。</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>&apos;auto&apos; tries none, straight-line and flattening (damped) trends per product.</source>
        <translation>“自动”会为每个产品尝试无趋势、直线趋势和逐渐平缓（阻尼）的趋势。</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>直线</translation>
    </message>
    <message>
        <source>damped</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>Seasonality</source>
        <translation>季节性</translation>
    </message>
    <message>
        <source>&apos;auto&apos; tries none, additive (same extra units every season) and multiplicative (same extra percentage) per product; needs two full seasons of history.</source>
        <translation>“自动”会为每个产品尝试无季节性、加法（每个周期增加相同数量）和乘法（增加相同百分比）；需要两个完整周期的历史数据。</translation>
    </message>
    <message>
        <source>additive</source>
        <translation>加法</translation>
    </message>
    <message>
        <source>multiplicative</source>
        <translation>乘法</translation>
    </message>
    <message>
        <source>Damped-trend exponential smoothing</source>
        <translation>阻尼趋势指数平滑</translation>
    </message>
    <message>
        <source>Exponential smoothing with a trend that flattens out over the horizon; error and seasonal pattern chosen per product (lowest AICc).</source>
        <translation>趋势在预测期内逐渐趋平的指数平滑；误差和季节模式按产品自动选择（AICc 最低）。</translation>
    </message>
    <message>
        <source>Croston (SBA)</source>
        <translation>Croston 法（SBA）</translation>
    </message>
    <message>
        <source>For products that sell now and then: smooths the size of each sale and the gap between sales separately (with the Syntetos-Boylan correction).</source>
        <translation>适用于偶尔才有销售的产品：分别平滑每次销售的数量和两次销售之间的间隔（采用 Syntetos-Boylan 修正）。</translation>
    </message>
    <message>
        <source>Smoothing weight</source>
        <translation>平滑权重</translation>
    </message>
    <message>
        <source>How fast the forecast follows recent sales: small values (0.05-0.2) average over a long past, large ones react to the latest sales.</source>
        <translation>预测跟随近期销量的速度：较小的值（0.05-0.2）对较长的历史取平均，较大的值对最新销量反应更快。</translation>
    </message>
    <message>
        <source>TSB (Teunter-Syntetos-Babai)</source>
        <translation>TSB 法（Teunter-Syntetos-Babai）</translation>
    </message>
    <message>
        <source>For products that sell now and then: smooths the chance of a sale in each period and the usual size of a sale; reacts when a product stops selling.</source>
        <translation>适用于偶尔才有销售的产品：平滑每期发生销售的概率和通常的销售数量；产品停止销售时会及时反应。</translation>
    </message>
    <message>
        <source>ADIDA (temporal aggregation)</source>
        <translation>ADIDA（时间聚合）</translation>
    </message>
    <message>
        <source>For products that sell now and then: adds sales up over the usual gap between sales, smooths those totals and spreads them back per period.</source>
        <translation>适用于偶尔才有销售的产品：按通常的销售间隔汇总销量，对汇总值做平滑，再分摊回每一期。</translation>
    </message>
    <message>
        <source>IMAPA (multiple aggregation)</source>
        <translation>IMAPA（多重聚合）</translation>
    </message>
    <message>
        <source>For products that sell now and then: averages ADIDA forecasts made at every aggregation level from one period up to the usual gap between sales.</source>
        <translation>适用于偶尔才有销售的产品：对从一期到通常销售间隔的各个聚合层级所做的 ADIDA 预测取平均。</translation>
    </message>
    <message>
        <source>Theta</source>
        <translation>Theta 法</translation>
    </message>
    <message>
        <source>Exponential smoothing plus half the long-run trend, on seasonally adjusted sales; the M3 competition winner and a strong default.</source>
        <translation>对季节调整后的销量做指数平滑，再加上一半的长期趋势；M3 预测竞赛的冠军方法，是可靠的默认选择。</translation>
    </message>
    <message>
        <source>Seasonal adjustment</source>
        <translation>季节调整</translation>
    </message>
    <message>
        <source>&apos;auto&apos; removes a seasonal pattern only where the sales history shows one clearly (90% test); &apos;always&apos; or &apos;never&apos; force the choice.</source>
        <translation>“自动”仅在销售历史明显呈现季节模式时（90% 检验）才去除它；“总是”或“从不”则强制选择。</translation>
    </message>
    <message>
        <source>always</source>
        <translation>总是</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Theta (optimised)</source>
        <translation>Theta 法（优化）</translation>
    </message>
    <message>
        <source>Theta with the weight of the long-run trend fitted to each product rather than fixed at one half.</source>
        <translation>为每个产品拟合长期趋势的权重，而不是固定为一半的 Theta 法。</translation>
    </message>
    <message>
        <source>Strongest trend weight</source>
        <translation>最大趋势权重</translation>
    </message>
    <message>
        <source>How much the long-run trend may count: 2 is the classic Theta method, larger values let a steady trend dominate the forecast.</source>
        <translation>长期趋势最多可占多大比重：2 为经典 Theta 法，更大的值让稳定的趋势主导预测。</translation>
    </message>
    <message>
        <source>Seasonal decomposition (MSTL)</source>
        <translation>季节分解（MSTL）</translation>
    </message>
    <message>
        <source>Splits sales into seasonal patterns (for daily data weekly, plus yearly with two years of history) and the rest; repeats the patterns and forecasts the rest with ETS.</source>
        <translation>将销量拆分为季节模式（日数据为每周模式，有两年历史时再加上年度模式）和其余部分；重复这些模式，并用 ETS 预测其余部分。</translation>
    </message>
    <message>
        <source>Yearly pattern</source>
        <translation>年度规律</translation>
    </message>
    <message>
        <source>Also model a yearly pattern for products with at least two years of history (daily or weekly data).</source>
        <translation>对至少有两年历史的产品同时建模年度规律（日数据或周数据）。</translation>
    </message>
    <message>
        <source>Pattern steadiness</source>
        <translation>规律稳定度</translation>
    </message>
    <message>
        <source>Over how many seasons the pattern is averaged (odd number). Large values keep the pattern steady, which suits noisy sales; small ones let it change quickly.</source>
        <translation>对多少个周期的规律取平均（奇数）。值大则规律稳定，适合波动大的销量；值小则规律可以快速变化。</translation>
    </message>
    <message>
        <source>ARIMA (automatic)</source>
        <translation>ARIMA（自动）</translation>
    </message>
    <message>
        <source>Models each product&apos;s sales from its own recent values and surprises; picks the differencing and the model order automatically (lowest AICc).</source>
        <translation>根据每个产品自身的近期数值和意外波动建模；自动选择差分和模型阶数（AICc 最低）。</translation>
    </message>
    <message>
        <source>Seasonal terms</source>
        <translation>季节项</translation>
    </message>
    <message>
        <source>Allow seasonal differencing and seasonal terms for products with at least three seasons of clearly seasonal history.</source>
        <translation>对至少有三个明显季节周期历史的产品，允许使用季节差分和季节项。</translation>
    </message>
    <message>
        <source>Global gradient boosting</source>
        <translation>全局梯度提升</translation>
    </message>
    <message>
        <source>One tree model learned from the recent sales patterns of all products together (LightGBM), on seasonally adjusted sales.</source>
        <translation>一个基于所有产品近期销售规律共同学习的树模型（LightGBM），使用季节调整后的销量。</translation>
    </message>
    <message>
        <source>&apos;auto&apos; adjusts the products whose history shows a season clearly (90% test), as Theta; &apos;never&apos; learns from the sales as they are.</source>
        <translation>&apos;auto&apos; 仅对销售历史明显呈现季节性的产品（90% 检验）做季节调整，与 Theta 相同；&apos;never&apos; 直接从原始销量学习。</translation>
    </message>
    <message>
        <source>Past periods each forecast reads.</source>
        <translation>每次预测读取的过去期数。</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>预测步数</translation>
    </message>
    <message>
        <source>Steps ahead it learns (a run sets its own horizon).</source>
        <translation>模型学习的向前步数（运行时使用该次运行的预测期）。</translation>
    </message>
    <message>
        <source>Trees</source>
        <translation>树的数量</translation>
    </message>
    <message>
        <source>Boosting rounds.</source>
        <translation>提升轮数。</translation>
    </message>
    <message>
        <source>Shrinkage of each tree.</source>
        <translation>每棵树的收缩系数。</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>叶子数</translation>
    </message>
    <message>
        <source>Leaves per tree.</source>
        <translation>每棵树的叶子数。</translation>
    </message>
    <message>
        <source>Training windows</source>
        <translation>训练窗口数</translation>
    </message>
    <message>
        <source>At most this many windows, drawn at random, train the model.</source>
        <translation>最多随机抽取这么多个窗口来训练模型。</translation>
    </message>
    <message>
        <source>Random seed (row sampling).</source>
        <translation>随机种子（行抽样）。</translation>
    </message>
    <message>
        <source>Global gradient boosting, unadjusted</source>
        <translation>全局梯度提升（未调整）</translation>
    </message>
    <message>
        <source>One tree model learned from the recent sales patterns of all products together (LightGBM), seasons learned from the sales themselves.</source>
        <translation>一个基于所有产品近期销售规律共同学习的树模型（LightGBM），季节性直接从销量中学习。</translation>
    </message>
    <message>
        <source>Median of models</source>
        <translation>模型中位数</translation>
    </message>
    <message>
        <source>Per period, the median of several models&apos; forecasts; robust to one bad model.</source>
        <translation>每一期取多个模型预测的中位数；个别模型表现差时依然稳健。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员模型</translation>
    </message>
    <message>
        <source>Comma-separated model names; empty = a few well-tried registered models.</source>
        <translation>以逗号分隔的模型名称；留空则使用几个经过充分验证的已注册模型。</translation>
    </message>
    <message>
        <source>Weighted best models</source>
        <translation>最佳模型加权</translation>
    </message>
    <message>
        <source>Per product, the best k models on an inner backtest, weighted by 1/MASE.</source>
        <translation>每个产品取内部回测中最好的 k 个模型，按 1/MASE 加权。</translation>
    </message>
    <message>
        <source>Best k</source>
        <translation>最佳模型数 k</translation>
    </message>
    <message>
        <source>How many members to average per product.</source>
        <translation>每个产品平均多少个成员模型。</translation>
    </message>
    <message>
        <source>LSTM with attention</source>
        <translation>带注意力机制的 LSTM</translation>
    </message>
    <message>
        <source>A recurrent network that reads the recent past of every product and attends to the periods that matter; one model for all products.</source>
        <translation>一种循环神经网络，读取每个产品的近期历史并关注重要的时期；所有产品共用一个模型。</translation>
    </message>
    <message>
        <source>Horizon trained for</source>
        <translation>训练的预测期数</translation>
    </message>
    <message>
        <source>Periods the network forecasts at once; 0 = 28 days, 8 weeks or 12 months. The forecast run sets it from its own horizon.</source>
        <translation>网络一次预测的期数；0 表示 28 天、8 周或 12 个月。预测运行时会按其自身的预测期数设置。</translation>
    </message>
    <message>
        <source>Lookback</source>
        <translation>回看期数</translation>
    </message>
    <message>
        <source>Past periods the network reads; 0 = 56 days, 16 weeks or 24 months.</source>
        <translation>网络读取的过去期数；0 表示 56 天、16 周或 24 个月。</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Width of the network&apos;s layers.</source>
        <translation>网络各层的宽度。</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>Share of units dropped while training.</source>
        <translation>训练时随机丢弃的单元比例。</translation>
    </message>
    <message>
        <source>Epochs (max)</source>
        <translation>最大训练轮数</translation>
    </message>
    <message>
        <source>Most passes of sampled windows; training stops earlier when the validation loss stops improving.</source>
        <translation>对采样窗口的最多训练轮数；验证损失不再下降时会提前停止。</translation>
    </message>
    <message>
        <source>Windows per epoch</source>
        <translation>每轮窗口数</translation>
    </message>
    <message>
        <source>Training windows sampled from all products in each epoch.</source>
        <translation>每一轮从全部产品中采样的训练窗口数。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Windows per training step.</source>
        <translation>每个训练步骤使用的窗口数。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Adam&apos;s starting step size; it decays along a cosine schedule.</source>
        <translation>Adam 优化器的初始步长；按余弦曲线逐渐减小。</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>Epochs without a better validation loss before training stops.</source>
        <translation>验证损失连续多少轮没有改善后停止训练。</translation>
    </message>
    <message>
        <source>Holidays of</source>
        <translation>节假日所属国家</translation>
    </message>
    <message>
        <source>ISO country code for public holidays as inputs (e.g. GB, US, DE); empty = none.</source>
        <translation>作为输入的公共假日所属国家的 ISO 代码（如 GB、US、DE）；留空表示不使用。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Same data, settings and seed give the same forecast.</source>
        <translation>相同的数据、设置和种子会得到相同的预测。</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>Threads TensorFlow computes with; 1 leaves a core free for the app. Fixed for the life of the process once a network has run.</source>
        <translation>TensorFlow 计算使用的线程数；设为 1 可为本程序留出一个核心。网络运行过一次后，在进程结束前保持不变。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Stacked encoder layers.</source>
        <translation>堆叠的编码器层数。</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer 模型</translation>
    </message>
    <message>
        <source>Self-attention over the recent past with positional information; one model for all products. The slowest of the networks to train.</source>
        <translation>结合位置信息对近期历史做自注意力计算；所有产品共用一个模型。是训练最慢的网络。</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>Heads of self-attention.</source>
        <translation>自注意力的头数。</translation>
    </message>
    <message>
        <source>Temporal convolutional network</source>
        <translation>时间卷积网络</translation>
    </message>
    <message>
        <source>Residual stack of causal dilated convolutions over the recent past; one model for all products.</source>
        <translation>对近期历史做因果膨胀卷积的残差堆叠；所有产品共用一个模型。</translation>
    </message>
    <message>
        <source>Dilations</source>
        <translation>膨胀系数</translation>
    </message>
    <message>
        <source>Dilation of each residual block; the receptive field grows with them.</source>
        <translation>每个残差块的膨胀系数；感受野随之增大。</translation>
    </message>
    <message>
        <source>LSTM anchored to recent sales</source>
        <translation>按近期销量校准水平的 LSTM</translation>
    </message>
    <message>
        <source>The LSTM with attention, its forecast scaled per demand class and level of recent sales so that each group&apos;s total matches what it sold over the last horizon; the network alone forecasts far too little for products that sell now and then.</source>
        <translation>带注意力机制的 LSTM，其预测按需求类别和近期销量水平分组缩放，使每组的总量与其最近一个预测期内的销量一致；单独使用该网络时，对偶尔才有销售的产品预测量远远偏低。</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>This model has no settings to tune.</source>
        <translation>该模型没有可调整的设置。</translation>
    </message>
    <message>
        <source>Enter at least one number.</source>
        <translation>请至少输入一个数字。</translation>
    </message>
    <message>
        <source>Numbers must be at least {0}.</source>
        <translation>数字不能小于 {0}。</translation>
    </message>
    <message>
        <source>Numbers must be at most {0}.</source>
        <translation>数字不能大于 {0}。</translation>
    </message>
</context>
<context>
    <name>ProductList</name>
    <message>
        <source>Search products…</source>
        <translation>搜索产品…</translation>
    </message>
    <message>
        <source>Best sellers first</source>
        <translation>畅销优先</translation>
    </message>
    <message>
        <source>Fastest growing</source>
        <translation>增长最快</translation>
    </message>
    <message>
        <source>Fastest falling</source>
        <translation>下降最快</translation>
    </message>
    <message>
        <source>Most accurate</source>
        <translation>最准确</translation>
    </message>
    <message>
        <source>Demand class</source>
        <translation>需求类型</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品编号</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n 个产品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>总销量</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Units sold in the whole history</source>
        <translation>全部历史的销售数量</translation>
    </message>
    <message>
        <source>Forecast for the horizon against sales in the last periods of the same length. Sorting ranks by this change shrunk for small products; new, fading and very small products come last</source>
        <translation>预测期内的预测销量与最近同样长度各期销量之比。排序按此变化排名，小产品的变化会被缩小；新品、衰退产品和销量很小的产品排在最后</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>近期</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>Off by</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Forecast for the horizon against the same number of past periods: ▲ rising, ▼ falling (more than 10% either way, on enough sales to tell), ▶ stable; none for new and fading products</source>
        <translation>预测期内的预测与过去同样期数的销量相比：▲ 上升，▼ 下降（任一方向超过 10%，且销量足以判断），▶ 平稳；新品和衰退商品不显示</translation>
    </message>
    <message>
        <source>Sales in the most recent periods</source>
        <translation>最近各期的销量</translation>
    </message>
    <message>
        <source>Units the forecast expects in the next period</source>
        <translation>预测下一期的销量（件）</translation>
    </message>
    <message>
        <source>Units the forecast expects over the whole horizon</source>
        <translation>预测整个预测期的销量（件）</translation>
    </message>
    <message>
        <source>How far off the chosen model&apos;s forecasts were, period by period, when tested on this product&apos;s past (WAPE: absolute errors over sales; lower is better)</source>
        <translation>在该商品的历史数据上回测时，所选模型的预测逐期偏差多少（WAPE：绝对误差除以销量；越低越好）</translation>
    </message>
    <message>
        <source>Too little history to backtest; the Similar products tab shows a forecast from the products with the most similar titles</source>
        <translation>历史太短，无法回测；“相似商品”页显示根据名称最相似的商品得出的预测</translation>
    </message>
    <message>
        <source>Too little history to backtest: forecast as a new product, its sales so far spread over its life and the horizon</source>
        <translation>历史太短，无法回测：按新产品预测，迄今销量平摊到已上市期间和预测期</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>too new</source>
        <translation>太新</translation>
    </message>
    <message>
        <source>~{0}%</source>
        <translation>约 {0}%</translation>
    </message>
    <message>
        <source>by title</source>
        <translation>按名称</translation>
    </message>
    <message>
        <source>Too little history to backtest: the forecast is borrowed from the products with the most similar titles (listed in Why and in the Similar products tab)</source>
        <translation>历史太短，无法回测：预测借自标题最相似的商品（列在“原因”和“相似商品”标签页中）</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>falling</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新品</translation>
    </message>
    <message>
        <source>fading</source>
        <translation>衰退</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>{0}: {1} units in the last {2} periods</source>
        <translation>{0}：最近 {2} 期售出 {1} 件</translation>
    </message>
    <message>
        <source>Forecast for the next {0} periods: {1}</source>
        <translation>未来 {0} 期预测：{1}</translation>
    </message>
    <message>
        <source>all products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>{0} products</source>
        <translation>{0}产品</translation>
    </message>
    <message>
        <source>Backtest for {0}: an up/down call was right {1} of the time (precision) and caught {2} of the real moves (recall), over {3} calls</source>
        <translation>{0}的回测：涨/跌判断的正确率为 {1}（精确率），捕捉到 {2} 的实际涨跌（召回率），共 {3} 次判断</translation>
    </message>
    <message>
        <source>No backtest call to check this against</source>
        <translation>没有可用于核对的回测判断</translation>
    </message>
    <message>
        <source>Tested on this product&apos;s past, the chosen model&apos;s forecasts were off by about {0}% of the sales, period by period</source>
        <translation>在该商品的历史数据上回测，所选模型的预测逐期偏差约为销量的 {0}%</translation>
    </message>
    <message>
        <source>WAPE {0}%, MASE {1} (under 1: smaller errors than repeating the previous season&apos;s sales makes on the history)</source>
        <translation>WAPE {0}%，MASE {1}（小于 1：误差小于在历史上重复上一季销量的做法）</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>intermittent</source>
        <translation>间歇</translation>
    </message>
    <message>
        <source>erratic</source>
        <translation>波动</translation>
    </message>
    <message>
        <source>lumpy</source>
        <translation>块状</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Save the forecast?</source>
        <translation>保存预测吗？</translation>
    </message>
    <message>
        <source>The forecast in {0} has not been saved. Save it before you go on?</source>
        <translation>{0} 中的预测尚未保存。继续之前要保存吗？</translation>
    </message>
    <message>
        <source>Please wait until the project file is written or read.</source>
        <translation>请等待项目文件写入或读取完成。</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Trendcast projects (*{0})</source>
        <translation>Trendcast 项目 (*{0})</translation>
    </message>
    <message>
        <source>Nothing to save yet: import sales data first.</source>
        <translation>还没有可保存的内容：请先导入销售数据。</translation>
    </message>
    <message>
        <source>Saving {0}…</source>
        <translation>正在保存 {0}…</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Opened {0}.</source>
        <translation>已打开 {0}。</translation>
    </message>
</context>
<context>
    <name>ReorderPanel</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>How often you check stock and place orders</source>
        <translation>多久检查一次库存并下单</translation>
    </message>
    <message>
        <source>How often stock should last until the next delivery</source>
        <translation>库存能撑到下次到货的把握有多大</translation>
    </message>
    <message>
        <source>By revenue class: A 97 %, B 95 %, C 90 %</source>
        <translation>按收入等级：A 97 %，B 95 %，C 90 %</translation>
    </message>
    <message>
        <source>A: the products that make 80 % of revenue, B: the next 15 %, C: the rest</source>
        <translation>A：占收入 80 % 的产品，B：其后的 15 %，C：其余产品</translation>
    </message>
    <message>
        <source>cycle service</source>
        <translation>周期服务水平</translation>
    </message>
    <message>
        <source>fill rate</source>
        <translation>满足率</translation>
    </message>
    <message>
        <source>Cycle service: the chance that stock lasts until the next delivery. Fill rate: the share of units ordered by customers that stock can meet.</source>
        <translation>周期服务水平：库存能撑到下次到货的概率。满足率：顾客订购的件数中库存能满足的比例。</translation>
    </message>
    <message>
        <source>Stock file…</source>
        <translation>库存文件…</translation>
    </message>
    <message>
        <source>Use the stock column of the sales file</source>
        <translation>使用销售文件中的库存列</translation>
    </message>
    <message>
        <source>No stock yet: choose a stock file with product id and on hand, or type stock into the table.</source>
        <translation>还没有库存：请选择包含商品编码和现有库存的库存文件，或在表格中直接输入库存。</translation>
    </message>
    <message>
        <source>Make plan</source>
        <translation>生成补货计划</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export purchase list…</source>
        <translation>导出采购清单…</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>To order now</source>
        <translation>现在需要订货</translation>
    </message>
    <message>
        <source>Runs out before delivery</source>
        <translation>到货前会断货</translation>
    </message>
    <message>
        <source>Excess stock</source>
        <translation>库存过多</translation>
    </message>
    <message>
        <source>Dead stock</source>
        <translation>呆滞库存</translation>
    </message>
    <message>
        <source>No stock figure</source>
        <translation>没有库存数</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>交货期</translation>
    </message>
    <message>
        <source>Review period</source>
        <translation>检查周期</translation>
    </message>
    <message>
        <source>as</source>
        <translation>按</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Stock file</source>
        <translation>库存文件</translation>
    </message>
    <message>
        <source>Stock files (*.csv *.xlsx);;All files (*)</source>
        <translation>库存文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Stock from {0}</source>
        <translation>库存来自 {0}</translation>
    </message>
    <message>
        <source>Making the plan…</source>
        <translation>正在生成计划…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>{0} products, {1} to order now.</source>
        <translation>{0} 个产品，其中 {1} 个现在需要订货。</translation>
    </message>
    <message>
        <source>{0} ids in the stock file have no sales: {1}</source>
        <translation>库存文件中有 {0} 个编码没有销售记录：{1}</translation>
    </message>
    <message>
        <source>{0} products have no stock figure (type it into the table): {1}</source>
        <translation>{0} 个产品没有库存数（请在表格中输入）：{1}</translation>
    </message>
    <message>
        <source>Could not make the plan</source>
        <translation>无法生成补货计划</translation>
    </message>
    <message>
        <source>Lead time of {0}</source>
        <translation>{0} 的交货期</translation>
    </message>
    <message>
        <source>Export purchase list</source>
        <translation>导出采购清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Wrote {0} products to order to {1}.</source>
        <translation>已将 {0} 个需订货的产品写入 {1}。</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>ReorderTable</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>交货期（天）</translation>
    </message>
    <message>
        <source>Sales in lead time</source>
        <translation>交货期内销量</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>再订货点</translation>
    </message>
    <message>
        <source>Order now</source>
        <translation>现在订货</translation>
    </message>
    <message>
        <source>Runs out on</source>
        <translation>断货日期</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>Revenue at risk</source>
        <translation>风险收入</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Revenue class</source>
        <translation>收入等级</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <source>Why this number</source>
        <translation>为什么是这个数</translation>
    </message>
    <message>
        <source>runs out before delivery</source>
        <translation>到货前会断货</translation>
    </message>
    <message>
        <source>excess stock</source>
        <translation>库存过多</translation>
    </message>
    <message>
        <source>dead stock</source>
        <translation>呆滞库存</translation>
    </message>
    <message>
        <source>no stock figure</source>
        <translation>没有库存数</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Could not write the image {path}.</source>
        <translation>无法写入图片 {path}。</translation>
    </message>
    <message>
        <source>Trendcast forecast report</source>
        <translation>Trendcast 销量预测报告</translation>
    </message>
    <message>
        <source>Could not write the report {path}.</source>
        <translation>无法写入报告 {path}。</translation>
    </message>
    <message>
        <source>{products} products, sales {span}; forecast {horizon} periods ahead (frequency {freq}).</source>
        <translation>{products} 个产品，销售期间 {span}；向前预测 {horizon} 期（频率 {freq}）。</translation>
    </message>
    <message>
        <source>All products: sales and forecast</source>
        <translation>全部产品：销量与预测</translation>
    </message>
    <message>
        <source>Grey: sales. Blue: forecast, shaded: 80% range (assuming products vary independently).</source>
        <translation>灰线：销量。蓝线：预测，阴影：80% 区间（假设各产品相互独立波动）。</translation>
    </message>
    <message>
        <source>Top products by forecast volume</source>
        <translation>预测销量最高的产品</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Accuracy in the backtest (lower MASE and WAPE are better)</source>
        <translation>回测准确度（MASE 与 WAPE 越低越好）</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>80% coverage</source>
        <translation>80% 覆盖率</translation>
    </message>
    <message>
        <source>Chosen for</source>
        <translation>被选用次数</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新品</translation>
    </message>
    <message>
        <source>fading</source>
        <translation>衰退</translation>
    </message>
</context>
<context>
    <name>ScenarioLibraryView</name>
    <message>
        <source>Name, e.g. Spring sale</source>
        <translation>名称，例如 春季促销</translation>
    </message>
    <message>
        <source>Save current what-if</source>
        <translation>保存当前假设分析</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show in What-if</source>
        <translation>在假设分析中显示</translation>
    </message>
    <message>
        <source>Make the selected scenario the current what-if: its plan, the chart and the exports</source>
        <translation>将所选方案设为当前的假设分析：包括其计划、图表和导出</translation>
    </message>
    <message>
        <source>Forecast without a plan</source>
        <translation>无计划时的预测</translation>
    </message>
    <message>
        <source>First scenario</source>
        <translation>第一个方案</translation>
    </message>
    <message>
        <source>Second scenario</source>
        <translation>第二个方案</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>比较：</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>Apply a what-if plan first, then save it here.</source>
        <translation>请先应用一个假设分析计划，再在这里保存。</translation>
    </message>
    <message>
        <source>Give the scenario a name first.</source>
        <translation>请先给方案起个名字。</translation>
    </message>
    <message>
        <source>Save scenario {name}</source>
        <translation>保存方案 {name}</translation>
    </message>
    <message>
        <source>Type a new name that no other scenario has.</source>
        <translation>请输入一个其他方案没有用过的新名称。</translation>
    </message>
    <message>
        <source>Rename scenario {old} to {new}</source>
        <translation>将方案 {old} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Delete scenario {name}</source>
        <translation>删除方案 {name}</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Without a plan</source>
        <translation>无计划</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
</context>
<context>
    <name>SeriesEndChoice</name>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Each product&apos;s own last row</source>
        <translation>每个商品自身的最后一行</translation>
    </message>
    <message>
        <source>The data&apos;s last period for every product</source>
        <translation>所有商品都到数据的最后一个周期</translation>
    </message>
    <message>
        <source>A product with no rows at the end of the file: either it was no longer recorded (its series ends at its own last row and is forecast from there) or it sold nothing (it runs to the data&apos;s last period with 0 sales). Detect decides from the file; the summary says which rule was applied.</source>
        <translation>文件末尾没有行的商品：要么是不再被记录（其序列止于自身的最后一行，并从那里开始预测），要么是没有销售（延续到数据的最后一个周期，销量为 0）。自动识别会根据文件判断；摘要会说明采用了哪条规则。</translation>
    </message>
    <message>
        <source>Series end</source>
        <translation>序列结束</translation>
    </message>
</context>
<context>
    <name>SetupPanel</name>
    <message>
        <source>How many periods ahead to forecast</source>
        <translation>向前预测多少期</translation>
    </message>
    <message>
        <source>The length of the repeating pattern, in periods (7 for a weekly rhythm in daily data). Auto uses the usual one.</source>
        <translation>重复规律的长度（以期数计；日数据中的每周规律为 7）。“自动”使用常用值。</translation>
    </message>
    <message>
        <source>How many times each model is tested on past data it has not seen; more windows give a fairer comparison and take longer</source>
        <translation>每个模型在未见过的历史数据上测试的次数；窗口越多，比较越公平，但耗时更长</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Public holidays of this country are given to the models that can use them</source>
        <translation>向能够利用节假日的模型提供该国家的公共假日</translation>
    </message>
    <message>
        <source>Starting point of the neural networks&apos; random training: the same data, settings and seed give the same forecast</source>
        <translation>神经网络随机训练的起点：相同的数据、设置和种子给出相同的预测</translation>
    </message>
    <message>
        <source>Forecast horizon</source>
        <translation>预测期数</translation>
    </message>
    <message>
        <source>Season length</source>
        <translation>季节周期长度</translation>
    </message>
    <message>
        <source>Backtest windows</source>
        <translation>回测窗口数</translation>
    </message>
    <message>
        <source>Holidays of</source>
        <translation>节假日所属国家</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>What to forecast</source>
        <translation>预测内容</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>A few quick classical models, 2 backtests</source>
        <translation>几个快速的经典模型，2 次回测</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Best accuracy</source>
        <translation>最高准确度</translation>
    </message>
    <message>
        <source>Adds neural networks and combinations; takes much longer</source>
        <translation>加入神经网络和组合模型；耗时长得多</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Your own choice of settings</source>
        <translation>自行选择设置</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Auto picks among the classical models and, where the data support one, a neural network; 3 backtests</source>
        <translation>自动在经典模型中挑选，数据足够时也考虑一个神经网络；3 次回测</translation>
    </message>
    <message>
        <source>Auto: pick the best model per product</source>
        <translation>自动：为每个产品挑选最佳模型</translation>
    </message>
    <message>
        <source>Each product gets the model that did best in its backtests, among the classical models and, where the data support one, a neural network; a model whose backtests missed the total far more than the classical ones is not chosen</source>
        <translation>每个产品使用回测中表现最好的模型，候选为经典模型，数据足够时也包括一个神经网络；回测总量偏差远大于经典模型的模型不会被选用</translation>
    </message>
    <message>
        <source>Select a model to see its settings.</source>
        <translation>选择一个模型以查看其设置。</translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation>基准模型</translation>
    </message>
    <message>
        <source>Classical</source>
        <translation>经典模型</translation>
    </message>
    <message>
        <source>Intermittent demand</source>
        <translation>间歇性需求</translation>
    </message>
    <message>
        <source>Neural networks</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <source>Combinations</source>
        <translation>组合模型</translation>
    </message>
    <message>
        <source>New products: forecast from similar titles</source>
        <translation>新品：按相似标题预测</translation>
    </message>
    <message>
        <source>A product too young to backtest that has a title is forecast from the sales of the products with the most similar titles, scaled by its own first sales; off: its sales so far spread over its life and the horizon</source>
        <translation>历史太短、无法回测但有标题的商品，按标题最相似的商品的销量预测，并按其自身最初的销量缩放；关闭时：把它至今的销量分摊到其上市时长和预测期上</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>months</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Auto ({0})</source>
        <translation>自动（{0}）</translation>
    </message>
    <message>
        <source>Fix the settings of {0}.</source>
        <translation>请修正 {0} 的设置。</translation>
    </message>
    <message>
        <source>Estimating the run time…</source>
        <translation>正在估算运行时间…</translation>
    </message>
    <message>
        <source>Estimated run time: about {0} (measured on this computer)</source>
        <translation>预计运行时间：约 {0}（按本机实测速度估算）</translation>
    </message>
    <message>
        <source>Import sales data first.</source>
        <translation>请先导入销售数据。</translation>
    </message>
    <message>
        <source>Fix the settings marked in red first.</source>
        <translation>请先修正标红的设置。</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This data has no product titles, so products cannot be compared by name. Import a file with a title or description column.</source>
        <translation>此数据没有商品名称，无法按名称比较商品。请导入带有名称或描述列的文件。</translation>
    </message>
    <message>
        <source>Reading the product titles…</source>
        <translation>正在读取商品名称…</translation>
    </message>
    <message>
        <source>Reading the titles was cancelled.</source>
        <translation>已取消读取商品名称。</translation>
    </message>
    <message>
        <source>No product has a title, so products cannot be compared by name.</source>
        <translation>没有商品有名称，无法按名称比较商品。</translation>
    </message>
    <message>
        <source>Products with the most similar titles, by meaning and in any language.</source>
        <translation>名称最相似的商品（按含义比较，不限语言）。</translation>
    </message>
    <message>
        <source>The language model is missing, so titles are compared by spelling only (not across languages).</source>
        <translation>缺少语言模型，名称只按拼写比较（不能跨语言）。</translation>
    </message>
    <message>
        <source>The titles could not be read: {error}</source>
        <translation>无法读取商品名称：{error}</translation>
    </message>
    <message>
        <source>Select a product with a title to see similar ones.</source>
        <translation>请选择一个有名称的商品以查看相似商品。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Sales per period, last {0}</source>
        <translation>最近 {0} 期每期销量</translation>
    </message>
    <message>
        <source>Total sales</source>
        <translation>总销量</translation>
    </message>
    <message>
        <source>The first row is the selected product. Similarity is the cosine of the title vectors (1 = same meaning).</source>
        <translation>第一行是所选商品。相似度是名称向量的余弦值（1 = 含义相同）。</translation>
    </message>
    <message>
        <source>Too new to backtest. From its title: about {0} a period, the weighted median of what its {1} most similar products sell lately (scaled by its own first sales); nearest: {2}</source>
        <translation>太新，无法回测。根据名称：每期约 {0}，即 {1} 个最相似商品近期销量的加权中位数（按其自身最初的销量缩放）；最相似的：{2}</translation>
    </message>
</context>
<context>
    <name>SupplierLeadTimes</name>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>交货期（天）</translation>
    </message>
    <message>
        <source>Type a supplier&apos;s lead time to use it for all its products (a lead time typed for one product in the plan still wins)</source>
        <translation>输入供应商的交货期，用于其所有商品（在计划中为单个商品输入的交货期仍然优先）</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>{0} min {1:02d} s</source>
        <translation>{0} 分 {1:02d} 秒</translation>
    </message>
    <message>
        <source>{0} h {1:02d} min</source>
        <translation>{0} 小时 {1:02d} 分</translation>
    </message>
    <message>
        <source>Set up the models, then press Start training.</source>
        <translation>设置好模型后，点击“开始训练”。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop training; nothing you set up is lost</source>
        <translation>停止训练；已做的设置不会丢失</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最近步骤</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>各模型</translation>
    </message>
    <message>
        <source>Training loss of neural models</source>
        <translation>神经网络模型的训练损失</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Training {0}…</source>
        <translation>正在训练 {0}…</translation>
    </message>
    <message>
        <source>Started: horizon {0}, {1} backtest window(s), models {2}</source>
        <translation>已开始：预测期数 {0}，{1} 个回测窗口，模型 {2}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation>约剩 {0}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Finished in {0}. The forecast is ready.</source>
        <translation>用时 {0} 完成。预测已就绪。</translation>
    </message>
    <message>
        <source>Finished in {0}.</source>
        <translation>用时 {0} 完成。</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Training stopped because of an error.</source>
        <translation>训练因错误而停止。</translation>
    </message>
    <message>
        <source>Error: {0}</source>
        <translation>错误：{0}</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Training cancelled. Change the settings or start again.</source>
        <translation>训练已取消。可修改设置或重新开始。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <source>-10 % sells ten percent cheaper, +5 % five percent dearer than the last price in the data.</source>
        <translation>-10 % 表示比数据中最后的价格便宜百分之十，+5 % 表示贵百分之五。</translation>
    </message>
    <message>
        <source>Promotion in these periods</source>
        <translation>这些期间有促销</translation>
    </message>
    <message>
        <source>Add change</source>
        <translation>添加变动</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Assume for every product:</source>
        <translation>对所有产品假设：</translation>
    </message>
    <message>
        <source>Use your own price elasticity instead of the one estimated from the history, e.g. -1.5: one percent cheaper sells one and a half percent more.</source>
        <translation>使用你自己的价格弹性代替根据历史估计的弹性，例如 -1.5：便宜百分之一约多卖百分之一点五。</translation>
    </message>
    <message>
        <source>Apply plan</source>
        <translation>应用方案</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Price change:</source>
        <translation>价格变动：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Periods:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>适用于：</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>方案：</translation>
    </message>
    <message>
        <source>Sales respond by:</source>
        <translation>销量响应依据：</translation>
    </message>
    <message>
        <source>Elasticity:</source>
        <translation>弹性：</translation>
    </message>
    <message>
        <source>The data has no promotion column, so no model learned what a promotion does.</source>
        <translation>数据中没有促销列，因此没有模型学到促销的效果。</translation>
    </message>
    <message>
        <source>A change of 0 % without a promotion changes nothing.</source>
        <translation>0 % 的变动且没有促销，不会改变任何结果。</translation>
    </message>
    <message>
        <source>Add price change</source>
        <translation>添加价格变动</translation>
    </message>
    <message>
        <source>Remove price change</source>
        <translation>删除价格变动</translation>
    </message>
    <message>
        <source>Working out the what-if…</source>
        <translation>正在计算假设分析…</translation>
    </message>
    <message>
        <source>The forecast changed: working out the what-if again…</source>
        <translation>预测已更改：正在重新计算假设分析…</translation>
    </message>
    <message>
        <source>What-if cancelled.</source>
        <translation>假设分析已取消。</translation>
    </message>
    <message>
        <source>The what-if could not be worked out: {error}</source>
        <translation>无法计算假设分析：{error}</translation>
    </message>
    <message>
        <source>price elasticities</source>
        <translation>价格弹性</translation>
    </message>
    <message>
        <source>the trained networks</source>
        <translation>已训练的神经网络</translation>
    </message>
    <message>
        <source>Applied; sales respond by {method}.</source>
        <translation>已应用；销量按{method}响应。</translation>
    </message>
    <message>
        <source>Add one or more changes, then apply the plan. The chart shows the result as a dotted line.</source>
        <translation>添加一个或多个变动，然后应用方案。图表以虚线显示结果。</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Planned price</source>
        <translation>方案价格</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Planned forecast</source>
        <translation>方案预测</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Planned revenue</source>
        <translation>方案收入</translation>
    </message>
    <message>
        <source>the average of all products: this one&apos;s own price changes say too little</source>
        <translation>全部产品的平均值：本产品自身的价格变化说明不了太多</translation>
    </message>
    <message>
        <source>assumed: no product&apos;s price moved enough to learn from</source>
        <translation>假设值：没有产品的价格变化足以从中学习</translation>
    </message>
    <message>
        <source>assumed: this product&apos;s history shows no measurable price effect</source>
        <translation>假定：该产品的历史数据显示价格没有可测的影响</translation>
    </message>
    <message>
        <source>as you set it</source>
        <translation>按你的设定</translation>
    </message>
    <message>
        <source>Price elasticity {value:.2f}: 1 % cheaper sells about {pct:.1f} % more ({source}).</source>
        <translation>价格弹性 {value:.2f}：便宜 1 % 约多卖 {pct:.1f} %（{source}）。</translation>
    </message>
    <message>
        <source>{who}: units {units_base:,.0f} → {units:,.0f} ({units_change}); revenue unknown: the data has no prices</source>
        <translation>{who}：销量 {units_base:,.0f} → {units:,.0f}（{units_change}）；收入未知：数据中没有价格</translation>
    </message>
    <message>
        <source> for the products with prices ({count:,.0f} have none)</source>
        <translation>（仅含有价格的产品；{count:,.0f} 个产品没有价格）</translation>
    </message>
    <message>
        <source>; units {low} to {high} within the elasticity&apos;s 95 % interval</source>
        <translation>；在弹性的 95 % 区间内，销量变化为 {low} 至 {high}</translation>
    </message>
    <message>
        <source>Automatic (elasticities; trained networks for promotions)</source>
        <translation>自动（用弹性；促销用已训练的神经网络）</translation>
    </message>
    <message>
        <source>The data has no prices, so Trendcast cannot tell how sales respond to them. Import a file with a price column, or assume an elasticity below.</source>
        <translation>数据中没有价格，因此 Trendcast 无法判断销量如何响应价格。请导入带价格列的文件，或在下方假设一个弹性。</translation>
    </message>
    <message>
        <source>from this product&apos;s price moves</source>
        <translation>来自本产品的价格变化</translation>
    </message>
    <message>
        <source>{who}: units {units_base:,.0f} → {units:,.0f} ({units_change}), revenue {revenue_base:,.2f} → {revenue:,.2f} ({revenue_change})</source>
        <translation>{who}：销量 {units_base:,.0f} → {units:,.0f}（{units_change}），收入 {revenue_base:,.2f} → {revenue:,.2f}（{revenue_change}）</translation>
    </message>
    <message>
        <source>Price elasticities from the history</source>
        <translation>根据历史估计的价格弹性</translation>
    </message>
    <message>
        <source>Trained networks ({names})</source>
        <translation>已训练的神经网络（{names}）</translation>
    </message>
    <message>
        <source>This product: {name}</source>
        <translation>本产品：{name}</translation>
    </message>
    <message>
        <source>Its category: {name}</source>
        <translation>所属类别：{name}</translation>
    </message>
    <message>
        <source>category {name}</source>
        <translation>类别 {name}</translation>
    </message>
    <message>
        <source>all products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>price {percent:+.1f} % for {who}, {start} to {end}</source>
        <translation>{who} 价格 {percent:+.1f} %，{start} 至 {end}</translation>
    </message>
    <message>
        <source>, with a promotion</source>
        <translation>，并有促销</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About Trendcast</source>
        <translation>关于 Trendcast</translation>
    </message>
    <message>
        <source>Trendcast {0}
Offline sales forecasting for every product of a shop. Your data never leaves this computer.</source>
        <translation>Trendcast {0}
为店铺的每个产品做离线销量预测。您的数据不会离开这台电脑。</translation>
    </message>
</context>
</TS>
